# SPDX-License-Identifier: MIT
"""newskg: news articles in, knowledge graph out, from Python.

A ctypes binding of libnewskg (include/newskg.h); no compiler is needed.

    import newskg
    nq = newskg.extract(text, date="2026-03-12")           # N-Quads text
    ttl = newskg.extract(text, format="turtle")
    g = newskg.graph(text)                                 # rdflib Graph
    nq = newskg.extract_record('{"id": "a1", "text": "..."}')

The library is found through $NKG_LIBRARY (a path to libnewskg.so), then
beside this package in a source tree (build/libnewskg.so.0) or an install
prefix (PREFIX/lib), then by the dynamic linker (libnewskg.so.0).  The
ontology directory is $NKG_ONTOLOGY, else the source tree's ontology/, else
the one installed with the library.  The lexicon is loaded once per process
and shared; calls are serialised by a lock, so threads may share it.
"""

import ctypes
import os
import threading

__all__ = ["Extractor", "NewskgError", "extract", "extract_record", "graph",
           "FORMATS"]

FORMATS = ("turtle", "ntriples", "nquads", "rdfxml", "dot", "svg")

_HERE = os.path.dirname(os.path.abspath(__file__))


class NewskgError(Exception):
    """A failed call; .status is the library's NkgStatus, .line and .offset
    the place in the input when known."""

    def __init__(self, message, status=0, line=0, offset=-1):
        super().__init__(message)
        self.status = status
        self.line = line
        self.offset = offset


class _Error(ctypes.Structure):
    _fields_ = [("status", ctypes.c_int),
                ("file", ctypes.c_char * 256),
                ("line", ctypes.c_long),
                ("offset", ctypes.c_long),
                ("message", ctypes.c_char * 512)]


class _ExtractOptions(ctypes.Structure):
    _fields_ = [("base", ctypes.c_char_p),
                ("date", ctypes.c_char_p)]


class _WriteOptions(ctypes.Structure):
    _fields_ = [("with_text", ctypes.c_int),
                ("provenance", ctypes.c_int),
                ("layout", ctypes.c_char_p),
                ("focus", ctypes.c_char_p),
                ("depth", ctypes.c_int),
                ("event_class", ctypes.c_char_p),
                ("cluster", ctypes.c_int),
                ("show_affiliations", ctypes.c_int),
                ("max_nodes", ctypes.c_int),
                ("min_confidence", ctypes.c_double)]


def _library_path():
    env = os.environ.get("NKG_LIBRARY")
    if env:
        return env
    candidates = [
        # source tree: python/newskg/ -> build/
        os.path.join(_HERE, "..", "..", "build", "libnewskg.so.0"),
        # install: PREFIX/lib/python3.X/dist-packages/newskg/ -> PREFIX/lib
        os.path.join(_HERE, "..", "..", "..", "libnewskg.so.0"),
    ]
    for path in candidates:
        if os.path.exists(path):
            return os.path.normpath(path)
    return "libnewskg.so.0"


def _ontology_dir():
    env = os.environ.get("NKG_ONTOLOGY")
    if env:
        return env
    tree = os.path.normpath(os.path.join(_HERE, "..", "..", "ontology"))
    if os.path.exists(os.path.join(tree, "newskg.ttl")):
        return tree
    return None  # the library's installed ontology


_lib = None
_lib_lock = threading.Lock()


def _load():
    global _lib
    with _lib_lock:
        if _lib is not None:
            return _lib
        lib = ctypes.CDLL(_library_path())
        P = ctypes.c_void_p
        E = ctypes.POINTER(_Error)
        sigs = {
            "nkg_lexicon_load": (ctypes.c_int,
                                 [ctypes.c_char_p, ctypes.POINTER(P), E]),
            "nkg_lexicon_free": (None, [P]),
            "nkg_document_new": (P, [ctypes.c_char_p, ctypes.c_size_t, E]),
            "nkg_document_from_json": (P, [ctypes.c_char_p, ctypes.c_size_t,
                                           ctypes.c_char_p, E]),
            "nkg_document_free": (None, [P]),
            "nkg_document_set_id": (None, [P, ctypes.c_char_p]),
            "nkg_document_set_date": (None, [P, ctypes.c_char_p]),
            "nkg_document_set_title": (None, [P, ctypes.c_char_p]),
            "nkg_document_set_url": (None, [P, ctypes.c_char_p]),
            "nkg_document_set_source_name": (None, [P, ctypes.c_char_p]),
            "nkg_extract": (ctypes.c_int,
                            [P, P, ctypes.POINTER(_ExtractOptions),
                             ctypes.POINTER(P), E]),
            "nkg_graph_free": (None, [P]),
            "nkg_graph_write_buffer": (
                ctypes.c_int,
                [P, ctypes.c_int, ctypes.POINTER(_WriteOptions),
                 ctypes.POINTER(ctypes.c_void_p),
                 ctypes.POINTER(ctypes.c_size_t), E]),
            "nkg_free": (None, [P]),
            "nkg_format_from_name": (ctypes.c_int, [ctypes.c_char_p]),
            "nkg_provenance_from_name": (ctypes.c_int, [ctypes.c_char_p]),
            "nkg_strerror": (ctypes.c_char_p, [ctypes.c_int]),
        }
        for name, (res, args) in sigs.items():
            fn = getattr(lib, name)
            fn.restype = res
            fn.argtypes = args
        _lib = lib
        return lib


def _raise(lib, st, err):
    msg = err.message.decode("utf-8", "replace")
    if not msg:
        msg = lib.nkg_strerror(st).decode()
    raise NewskgError(msg, st, err.line, err.offset)


def _b(s):
    return None if s is None else str(s).encode("utf-8")


class Extractor:
    """A loaded lexicon: extracts graphs from texts and records."""

    def __init__(self, ontology=None):
        lib = self._lib = _load()
        self._lock = threading.Lock()
        self._lex = ctypes.c_void_p()
        err = _Error()
        d = ontology if ontology is not None else _ontology_dir()
        st = lib.nkg_lexicon_load(_b(d), ctypes.byref(self._lex),
                                  ctypes.byref(err))
        if st:
            _raise(lib, st, err)

    def close(self):
        if self._lex:
            self._lib.nkg_lexicon_free(self._lex)
            self._lex = ctypes.c_void_p()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def _run(self, doc, format, base, provenance, with_text):
        lib = self._lib
        fmt = lib.nkg_format_from_name(_b(format))
        if fmt < 0 or format in ("png", "pdf"):
            raise ValueError("unknown or binary format %r; use one of %s"
                             % (format, ", ".join(FORMATS)))
        wo = _WriteOptions()
        if provenance is not None:
            p = lib.nkg_provenance_from_name(_b(provenance))
            if p < 0:
                raise ValueError("provenance is full, events or none")
            wo.provenance = p
        wo.with_text = 1 if with_text else 0
        eo = _ExtractOptions(_b(base), None)
        err = _Error()
        g = ctypes.c_void_p()
        buf = ctypes.c_void_p()
        n = ctypes.c_size_t()
        with self._lock:
            st = lib.nkg_extract(self._lex, doc, ctypes.byref(eo),
                                 ctypes.byref(g), ctypes.byref(err))
            if not st:
                st = lib.nkg_graph_write_buffer(g, fmt, ctypes.byref(wo),
                                                ctypes.byref(buf),
                                                ctypes.byref(n),
                                                ctypes.byref(err))
            lib.nkg_graph_free(g)
        if st:
            _raise(lib, st, err)
        try:
            return ctypes.string_at(buf, n.value).decode("utf-8")
        finally:
            lib.nkg_free(buf)

    def extract(self, text, date=None, format="nquads", id=None, title=None,
                url=None, source=None, base=None, provenance=None,
                with_text=False):
        """The graph of TEXT (str), serialised in FORMAT, as a str."""
        lib = self._lib
        raw = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        err = _Error()
        doc = lib.nkg_document_new(raw, len(raw), ctypes.byref(err))
        if not doc:
            _raise(lib, err.status or 2, err)
        try:
            for setter, value in ((lib.nkg_document_set_id, id),
                                  (lib.nkg_document_set_date, date),
                                  (lib.nkg_document_set_title, title),
                                  (lib.nkg_document_set_url, url),
                                  (lib.nkg_document_set_source_name,
                                   source)):
                if value is not None:
                    setter(doc, _b(value))
            return self._run(doc, format, base, provenance, with_text)
        finally:
            lib.nkg_document_free(doc)

    def extract_record(self, line, format="nquads", name=None, base=None,
                       provenance=None, with_text=False):
        """The graph of one JSON Lines record (str or bytes), read as
        `newskg extract --input-format jsonl` reads a line."""
        lib = self._lib
        raw = line.encode("utf-8") if isinstance(line, str) else bytes(line)
        err = _Error()
        doc = lib.nkg_document_from_json(raw, len(raw), _b(name),
                                         ctypes.byref(err))
        if not doc:
            _raise(lib, err.status or 2, err)
        try:
            return self._run(doc, format, base, provenance, with_text)
        finally:
            lib.nkg_document_free(doc)

    def graph(self, text, **kw):
        """The graph of TEXT as an rdflib Graph; keyword arguments as for
        extract() (format excepted)."""
        import rdflib
        kw["format"] = "ntriples"
        g = rdflib.Graph()
        g.parse(data=self.extract(text, **kw), format="nt")
        return g


_default = None
_default_lock = threading.Lock()


def _extractor():
    global _default
    with _default_lock:
        if _default is None:
            _default = Extractor()
        return _default


def extract(text, date=None, format="nquads", **kw):
    """The graph of TEXT serialised in FORMAT (turtle, ntriples, nquads,
    rdfxml, dot or svg), with the process's shared lexicon."""
    return _extractor().extract(text, date=date, format=format, **kw)


def extract_record(line, format="nquads", **kw):
    """The graph of one JSON Lines record, as the command line reads it."""
    return _extractor().extract_record(line, format=format, **kw)


def graph(text, date=None, **kw):
    """The graph of TEXT as an rdflib Graph."""
    return _extractor().graph(text, date=date, **kw)
