#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""extract.py: extracts a JSON Lines corpus on a Dask cluster, one N-Quads
shard per partition.

    extract.py --scheduler tcp://HOST:8786 corpus.jsonl... OUTDIR
    extract.py --local 2 corpus.jsonl... OUTDIR     # a cluster on this machine

The corpus is read with dask.bag in blocks of --blocksize bytes (lines are
never split); each partition goes to a worker, which extracts its records
with the newskg Python module and writes OUTDIR/part-NNNNN.nq (to a
temporary name first, renamed when the shard is complete).  The union of
the shards is the graph `newskg extract -f nquads corpus.jsonl` writes: one
named graph per record, and in the default graph what is known of the
actors that records share (each shard's copy is the same triples).  Each worker needs the module and the library:
`make install` on every machine, or PYTHONPATH=python and NKG_LIBRARY set
in the workers' environment.  A bad record is reported on the worker's
standard error and skipped, as the command line does.
"""

import argparse
import os
import sys
import time

import dask
import dask.bag as db
from dask.utils import parse_bytes


def write_shard(lines, index, outdir, provenance):
    """Extracts the records LINES into OUTDIR/part-INDEX.nq; returns the
    shard's name and its counts (records, bad records, bytes written)."""
    import newskg

    name = os.path.join(outdir, "part-%05d.nq" % index)
    tmp = name + ".tmp-%d" % os.getpid()
    docs = bad = size = 0
    with open(tmp, "w", encoding="utf-8") as out:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                nq = newskg.extract_record(
                    line, format="nquads", provenance=provenance,
                    name="partition %d, line %d" % (index, n))
            except newskg.NewskgError as e:
                print("extract.py: %s" % e, file=sys.stderr)
                bad += 1
                continue
            out.write(nq)
            docs += 1
            size += len(nq)
    os.replace(tmp, name)
    return name, docs, bad, size


def run(inputs, outdir, client, blocksize="8MiB", provenance="events"):
    """Extracts INPUTS on CLIENT's cluster; returns the list of shards."""
    os.makedirs(outdir, exist_ok=True)
    if isinstance(blocksize, str):
        blocksize = parse_bytes(blocksize)
    bag = db.read_text(inputs, blocksize=blocksize, encoding="utf-8")
    parts = bag.to_delayed()
    tasks = [dask.delayed(write_shard)(p, i, os.path.abspath(outdir),
                                       provenance)
             for i, p in enumerate(parts)]
    return list(client.compute(tasks, sync=True))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="address of a dask-scheduler")
    where.add_argument("--local", type=int, metavar="N",
                       help="start a cluster of N worker processes here")
    ap.add_argument("--blocksize", default="8MiB",
                    help="bytes of input per partition (default 8MiB)")
    ap.add_argument("--provenance", default="events",
                    choices=("full", "events", "none"))
    ap.add_argument("inputs", nargs="+", metavar="CORPUS.jsonl")
    ap.add_argument("outdir", metavar="OUTDIR")
    a = ap.parse_args(argv)

    from distributed import Client, LocalCluster

    cluster = None
    if a.local:
        cluster = LocalCluster(n_workers=a.local, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(a.scheduler)
    try:
        t0 = time.monotonic()
        shards = run(a.inputs, a.outdir, client, a.blocksize, a.provenance)
        dt = time.monotonic() - t0
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    docs = sum(s[1] for s in shards)
    bad = sum(s[2] for s in shards)
    print("extract.py: %d records in %d shards, %d bad, %.2f s"
          % (docs, len(shards), bad, dt), file=sys.stderr)
    return 2 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
