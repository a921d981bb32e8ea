# SPDX-License-Identifier: MIT
"""dask_check.py: runs examples/dask/extract.py on a two-process LocalCluster
and checks that the union of its shards is one run of the program
(tests/checks/91-python.sh)."""
import os, subprocess, sys, time
from distributed import Client, LocalCluster


def main():

    corpus, out, nkg = sys.argv[1:4]
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    client = Client(cluster)
    client.wait_for_workers(2)
    pids = set(client.run(os.getpid).values())
    t0 = time.monotonic()
    r = subprocess.run([sys.executable, "examples/dask/extract.py",
                        "--scheduler", cluster.scheduler_address,
                        "--blocksize", "64kB", corpus, out])
    dask_s = time.monotonic() - t0
    client.close()
    cluster.close()
    if r.returncode:
        sys.exit("extract.py exited %d" % r.returncode)
    shards = sorted(f for f in os.listdir(out) if f.endswith(".nq"))
    # as sets: each shard describes an actor the documents share once in
    # the default graph, as one run does for the whole corpus
    union = sorted({l for f in shards
                    for l in open(os.path.join(out, f), encoding="utf-8")})
    t0 = time.monotonic()
    one = subprocess.run([nkg, "extract", "-q", "-f", "nquads", corpus],
                         capture_output=True, check=True).stdout
    one_s = time.monotonic() - t0
    t0 = time.monotonic()
    subprocess.run([nkg, "extract", "-q", "-j", "2", "-f", "nquads", corpus],
                   capture_output=True, check=True)
    j2_s = time.monotonic() - t0
    lines = one.decode("utf-8").splitlines(keepends=True)
    single = sorted(set(lines))
    if len(single) != len(lines):
        sys.exit("one run writes a statement twice")
    print("%d worker processes, %d shards, %d lines; dask %.2f s, "
          "one process %.2f s, -j 2 %.2f s"
          % (len(pids), len(shards), len(union), dask_s, one_s, j2_s))
    if len(pids) != 2 or len(shards) < 2:
        sys.exit("expected 2 workers and several shards")
    if union != single:
        sys.exit("the shards' union differs from one run: %d vs %d lines"
                 % (len(union), len(single)))


if __name__ == "__main__":
    main()
