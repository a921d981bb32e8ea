# SPDX-License-Identifier: MIT
# The precision gate and event confidence: every event has one
# nkg:confidence in [0, 1]; no event has one node as agent and target, none
# has nobody in a role; news organisations are never agents or targets,
# and journalists (a group of people) only ever targets ("a journalist was
# detained") (on the examples, the cases and, with ../shared, the real news
# stories);
# every actor written is named in the text or referred to; diagrams draw
# events at or above --min-confidence.
t_gate_outputs() {
	set -- examples/*.txt tests/cases/*.txt
	[ -n "$SHARED" ] && set -- "$@" "$SHARED"/eval/news/texts/*.txt
	for f in "$@"; do
		"$NKG" extract -q -f ntriples "$f" >"$T/gate.nt" || return 1
		/usr/bin/python3 - "$T/gate.nt" "$f" <<'PY' || return 1
import re, sys
NS = "https://w3id.org/newskg/ns#"
ev, conf, roles = set(), {}, {}
media, groups = set(), set()
actors, derived, objects = set(), set(), set()
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'<([^>]*)> <([^>]*)> (.*) \.$', line.strip())
    if not m:
        continue
    s, p, o = m.groups()
    if p == NS + "rule":
        ev.add(s)
    elif p == NS + "confidence":
        conf.setdefault(s, []).append(o)
    elif p in (NS + "agent", NS + "target", NS + "participant"):
        roles.setdefault(s, {}).setdefault(p[len(NS):], set()).add(o)
    elif p == NS + "sector" and o.startswith('"media"'):
        media.add("<%s>" % s)
    elif p == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" and o == "<%sGroup>" % NS:
        groups.add("<%s>" % s)
    if p == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" and o in [
            "<%s%s>" % (NS, k) for k in ("Country", "Organization", "Group", "Person")]:
        actors.add("<%s>" % s)
    elif p == "http://www.w3.org/ns/prov#wasDerivedFrom":
        derived.add("<%s>" % s)
    elif o.startswith("<"):
        objects.add(o)
bad = []
for e in ev:
    c = conf.get(e, [])
    if len(c) != 1 or not c[0].endswith("^^<http://www.w3.org/2001/XMLSchema#decimal>"):
        bad.append("%s: confidence %s" % (e, c))
        continue
    v = float(c[0].split('"')[1])
    if not 0 <= v <= 1:
        bad.append("%s: confidence %s out of range" % (e, v))
    r = roles.get(e, {})
    if r.get("agent", set()) & r.get("target", set()):
        bad.append("%s: the same node is agent and target" % e)
    if not (r.get("agent") or r.get("target") or r.get("participant")):
        bad.append("%s: nobody in a role" % e)
    if (r.get("agent", set()) | r.get("participant", set())) & media:
        bad.append("%s: the press acting in an event" % e)
    if r.get("target", set()) & (media - groups):
        bad.append("%s: a news organisation as target" % e)
# an actor is written because the text names it or something refers to it
for a in sorted(actors - derived - objects):
    bad.append("%s: an actor nothing names or refers to" % a)
if bad:
    print(sys.argv[2], *bad[:5], sep="\n  ")
    sys.exit(1)
PY
	done
}
check gate-every-event-confident-no-self-no-media t_gate_outputs

t_gate_reporter() {
	printf 'Reuters reported that Peru expelled the Chilean ambassador.\n' >"$T/gate-r.txt"
	"$NKG" extract -q -f ntriples "$T/gate-r.txt" >"$T/gate-r.nt" || return 1
	grep -q 'ns#reportedBy> <https://w3id.org/newskg/id/org/reuters>' "$T/gate-r.nt" &&
		! grep -q 'ns#agent> <https://w3id.org/newskg/id/org/reuters>' "$T/gate-r.nt"
}
check gate-news-agency-reports t_gate_reporter

t_gate_min_confidence() {
	printf 'Peru and Chile signed a trade agreement. Rebels attacked.\n' >"$T/gate-c.txt"
	all=$("$NKG" extract -q -f dot --min-confidence 0 "$T/gate-c.txt" | grep -c -- '->')
	few=$("$NKG" extract -q -f dot --min-confidence 0.95 "$T/gate-c.txt" | grep -c -- '->')
	[ "$few" -lt "$all" ] || { echo "edges: $all at 0, $few at 0.95"; return 1; }
	"$NKG" extract -q --min-confidence 2 "$T/gate-c.txt" >/dev/null 2>&1
	[ $? -eq 1 ]
}
check gate-diagram-min-confidence t_gate_min_confidence
