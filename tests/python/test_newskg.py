# SPDX-License-Identifier: MIT
"""Tests of the Python module (python/newskg), run by tests/checks/91-python.sh
with Debian's python3: NKG_LIBRARY names the library, NKG_BIN the program
whose output the module must reproduce."""

import json
import os
import subprocess
import sys
import tempfile
import threading
import unittest

import rdflib

import newskg

NKG_BIN = os.environ.get("NKG_BIN", "build/newskg")
NKG = rdflib.Namespace("https://w3id.org/newskg/ns#")

TEXT = ("Kenya and Tanzania signed a border agreement in Nairobi on Friday, "
        "officials said.\n\nA day later, Ethiopia accused Eritrea of "
        "shelling villages near the frontier.")


def cli(args, data):
    r = subprocess.run([NKG_BIN] + args, input=data.encode("utf-8"),
                       capture_output=True, check=True)
    return r.stdout.decode("utf-8")


def lines(s):
    return sorted(l for l in s.splitlines() if l.strip())


class Extract(unittest.TestCase):
    def test_nquads_parse_and_name_the_actors(self):
        nq = newskg.extract(TEXT, date="2026-05-08")
        ds = rdflib.Dataset()
        ds.parse(data=nq, format="nquads")
        subjects = {str(q[0]) for q in ds.quads((None, None, None, None))}
        for code in ("KEN", "TZA", "ETH", "ERI"):
            self.assertIn("https://w3id.org/newskg/id/country/" + code,
                          subjects)
        self.assertIn('"2026-05-08"^^<http://www.w3.org/2001/XMLSchema#date>',
                      nq)

    def test_formats(self):
        ttl = newskg.extract(TEXT, format="turtle")
        g = rdflib.Graph()
        g.parse(data=ttl, format="turtle")
        self.assertGreater(len(g), 20)
        nt = newskg.extract(TEXT, format="ntriples")
        self.assertEqual(len(rdflib.Graph().parse(data=nt, format="nt")),
                         len(g))
        svg = newskg.extract(TEXT, format="svg")
        self.assertIn("<svg", svg)
        self.assertIn("digraph", newskg.extract(TEXT, format="dot"))
        with self.assertRaises(ValueError):
            newskg.extract(TEXT, format="png")
        with self.assertRaises(ValueError):
            newskg.extract(TEXT, format="yaml")

    def test_graph_helper_is_an_rdflib_graph_with_events(self):
        g = newskg.graph(TEXT, date="2026-05-08")
        self.assertIsInstance(g, rdflib.Graph)
        agreements = list(g.subjects(rdflib.RDF.type,
                                     NKG.FormalAgreement))
        self.assertEqual(len(agreements), 1, g.serialize(format="turtle"))

    def test_provenance_levels(self):
        full = newskg.extract(TEXT, provenance="full")
        none = newskg.extract(TEXT, provenance="none")
        self.assertIn("ns#Mention>", full)
        self.assertNotIn("ns#Mention>", none)
        with self.assertRaises(ValueError):
            newskg.extract(TEXT, provenance="some")

    def test_same_graph_as_the_program(self):
        rec = json.dumps({"id": "ke-tz-1", "date": "2026-05-08",
                          "url": "https://example.org/ke-tz",
                          "title": "Border deal", "text": TEXT})
        want = lines(cli(["extract", "-q", "--input-format", "jsonl",
                          "-f", "nquads", "-"], rec + "\n"))
        self.assertEqual(lines(newskg.extract_record(rec)), want)
        got = newskg.extract(TEXT, id="ke-tz-1", date="2026-05-08",
                             url="https://example.org/ke-tz",
                             title="Border deal")
        self.assertEqual(lines(got), want)

    def test_bad_input_raises_with_the_place(self):
        with self.assertRaises(newskg.NewskgError) as cm:
            newskg.extract_record('{"id": "x", "text": "abc"')
        self.assertEqual(cm.exception.status, 2)
        self.assertIn("column", str(cm.exception))
        with self.assertRaises(newskg.NewskgError) as cm:
            newskg.extract(b"Kenya \xff signed")
        self.assertEqual(cm.exception.offset, 6)
        self.assertIn("UTF-8", str(cm.exception))
        with self.assertRaises(newskg.NewskgError):
            newskg.extract_record('{"id": "x"}\n{"id": "y"}')

    def test_threads_share_the_lexicon(self):
        texts = [TEXT.replace("Friday", d) for d in
                 ("Monday", "Tuesday", "Wednesday", "Thursday")] * 3
        want = [newskg.extract(t) for t in texts]
        got = [None] * len(texts)

        def work(i):
            got[i] = newskg.extract(texts[i])
        ts = [threading.Thread(target=work, args=(i,))
              for i in range(len(texts))]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        self.assertEqual(got, want)

    def test_missing_ontology_is_an_error(self):
        with tempfile.TemporaryDirectory() as d:
            with self.assertRaises(newskg.NewskgError) as cm:
                newskg.Extractor(ontology=os.path.join(d, "none"))
            self.assertIn("ontology", str(cm.exception))


if __name__ == "__main__":
    unittest.main(verbosity=2)
