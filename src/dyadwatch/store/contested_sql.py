"""Contested groups in SQL: which claims and events tell one story, and which stories are
contested. Runs inside DuckDB over the whole store in about a second (a million events), or
over a few documents after a write.

Claims and events are linked by ``claim.events``, ``claim.about_claims``,
``event.attributed_to`` and by topic: events on the same directed dyad with the same PLOVER
type in one document (``across``: in the same month, in any document) are one story. A group is
a connected component of claims and topics (label propagation in a recursive CTE); groups
without a claim are not kept. A group is contested when one speaker asserts, supports,
acknowledges or accuses while a *different* speaker denies or rejects.

The result is three tables (``Place``): ``groups`` (one row per group: id, contested, dates,
dyads), ``claims`` and ``events`` (the members, with what the ledger shows of each).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

PRO = frozenset({"assert", "support", "acknowledge", "accuse"})
CONTRA = frozenset({"deny", "reject"})
# A speaker that is only a pronoun the actors stage could not resolve ("I", "his", "it").
PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "theirs",
        "this",
        "that",
        "these",
        "those",
        "who",
        "one",
    ]
)
UNRESOLVED = "unresolved speaker"
WHITESPACE = " \t\n\r\x0b\x0c"
_DATE_RE = r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?"


@dataclass(frozen=True)
class Place:
    """Where the tables go: ``create`` starts a CREATE statement, ``ref`` names a table.

    Store (CLI): temporary tables of its connection; API: its in-memory cache catalog."""

    create: str
    ref: str

    def new(self, name: str) -> str:
        return f"{self.create}{name}"

    def __call__(self, name: str) -> str:
        return f"{self.ref}{name}"


def temp_place(prefix: str = "cg_") -> Place:
    return Place(f"CREATE OR REPLACE TEMP TABLE {prefix}", f"temp.{prefix}")


def catalog_place(catalog: str, prefix: str = "cg_") -> Place:
    return Place(f"CREATE OR REPLACE TABLE {catalog}.{prefix}", f"{catalog}.{prefix}")


def _quoted(values: Iterable[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in sorted(values))


def speaker_sql(c: str = "c") -> str:
    """The speaker's name as the ledger shows it: an unresolved pronoun (no code) is
    "unresolved speaker", never a speaker named "his"."""
    shown = f"(CASE WHEN {c}.speaker_name <> '' THEN {c}.speaker_name ELSE {c}.speaker_text END)"
    return (
        f"(CASE WHEN {shown} <> '' AND coalesce({c}.speaker_code, '') = ''"
        f" AND lower(trim({shown}, '{WHITESPACE}')) IN ({_quoted(PRONOUNS)})"
        f" THEN '{UNRESOLVED}' ELSE {shown} END)"
    )


def topic_sql(across: bool, e: str = "e") -> str:
    """One story: document, directed dyad and type; ``across``: dyad, type and month."""
    sep = "chr(31)"
    doc = (
        f"concat_ws({sep}, {e}.doc_id, coalesce({e}.source_key, ''),"
        f" coalesce({e}.target_key, ''), {e}.plover_type)"
    )
    if not across:
        return doc
    return (
        f"(CASE WHEN {e}.source_key <> '' AND {e}.target_key <> '' AND {e}.date_start IS NOT NULL"
        f" THEN concat_ws({sep}, '*', {e}.source_key, {e}.target_key, {e}.plover_type,"
        f" strftime({e}.date_start, '%Y-%m')) ELSE {doc} END)"
    )


def date_start_sql(col: str) -> str:
    """First day of a record date string, as rows.date_start ("2023" -> 2023-01-01)."""
    x = f"regexp_extract({col}, '{_DATE_RE}', ['y', 'm', 'd'])"
    return (
        f"TRY_CAST(concat_ws('-', {x}.y, coalesce(nullif({x}.m, ''), '01'),"
        f" coalesce(nullif({x}.d, ''), '01')) AS DATE)"
    )


def _statements(p: Place, scoped: bool, across: bool, contested_only: bool) -> list[str]:
    """The build, step by step; ``scoped``: only the documents of the ``scope`` table."""
    topic = topic_sql(across)
    sid = speaker_id_sql()

    def scope(a: str) -> str:
        return f"{a}.doc_id IN (SELECT doc_id FROM {p('scope')})" if scoped else "TRUE"

    return [
        f"""{p.new("c")} AS SELECT c.rowid AS rid, c.claim_id, c.doc_id, c.events,
            c.about_claims, c.stance, c.date, c.sentence, c.start_char, {sid} AS sid
        FROM claims c WHERE {scope("c")}""",
        f"""{p.new("se")} AS SELECT e.rowid AS rid, e.event_id, e.doc_id, e.source_key,
            e.target_key, e.date, e.sentence, e.start_char, e.attributed_to, {topic} AS topic
        FROM events e WHERE {scope("e")}""",
        # links from both sides, kept when both ends are in scope
        f"""{p.new("l")} AS
        WITH raw AS (
            SELECT claim_id, unnest(events) AS event_id FROM {p("c")}
            UNION
            SELECT unnest(attributed_to) AS claim_id, event_id FROM {p("se")}
            WHERE len(attributed_to) > 0
        )
        SELECT DISTINCT r.claim_id, r.event_id, e.topic
        FROM raw r JOIN {p("c")} c ON c.claim_id = r.claim_id
        JOIN {p("se")} e ON e.event_id = r.event_id""",
        # every event of a linked topic belongs to the story
        f"""{p.new("e")} AS SELECT rid, event_id, doc_id, source_key, target_key, date,
            sentence, start_char, topic
        FROM {p("se")} WHERE topic IN (SELECT topic FROM {p("l")})""",
        f"""{p.new("tp")} AS SELECT topic, 2 * row_number() OVER (ORDER BY topic) + 1 AS node
        FROM (SELECT DISTINCT topic FROM {p("l")})""",
        # connected components of claims (even nodes) and topics (odd nodes)
        f"""{p.new("n")} AS
        WITH RECURSIVE
        one AS (
            SELECT 2 * c.rid AS a, tp.node AS b FROM {p("l")} l
            JOIN {p("c")} c USING (claim_id) JOIN {p("tp")} tp USING (topic)
            UNION ALL
            SELECT 2 * c.rid, 2 * t.rid FROM (SELECT rid, unnest(about_claims) AS about
                FROM {p("c")}) c JOIN {p("c")} t ON t.claim_id = c.about
        ),
        edge AS (SELECT a, b FROM one UNION SELECT b, a FROM one),
        nodes AS (SELECT 2 * rid AS node FROM {p("c")} UNION ALL SELECT node FROM {p("tp")}),
        cc(node, label) USING KEY (node) AS (
            SELECT node, node FROM nodes
            UNION
            SELECT e.b, min(cc.label) FROM cc JOIN edge e ON e.a = cc.node
            JOIN recurring.cc r ON r.node = e.b
            GROUP BY e.b HAVING min(cc.label) < min(r.label)
        )
        SELECT node, label FROM cc""",
        f"""{p.new("gc")} AS SELECT n.label, c.*, row_number() OVER (PARTITION BY n.label
            ORDER BY coalesce(c.date, ''), c.doc_id, coalesce(c.sentence, 0), c.start_char,
                c.claim_id) AS pos
        FROM {p("c")} c JOIN {p("n")} n ON n.node = 2 * c.rid""",
        f"""{p.new("ge")} AS SELECT n.label, e.*, coalesce(k.claims, []) AS claims
        FROM {p("e")} e JOIN {p("tp")} tp USING (topic) JOIN {p("n")} n ON n.node = tp.node
        LEFT JOIN (SELECT event_id, list(claim_id ORDER BY claim_id) AS claims FROM {p("l")}
            GROUP BY event_id) k USING (event_id)""",
        _groups_sql(p, contested_only),
    ]


def contested_agg(sid: str, stance: str) -> str:
    """Aggregate: some speaker is for and a *different* speaker is against (NULL: no one)."""
    pro = f"{stance} IN ({_quoted(PRO)})"
    con = f"{stance} IN ({_quoted(CONTRA)})"
    npro = f"count(DISTINCT {sid}) FILTER (WHERE {pro})"
    ncon = f"count(DISTINCT {sid}) FILTER (WHERE {con})"
    same = f"min({sid}) FILTER (WHERE {pro}) = min({sid}) FILTER (WHERE {con})"
    return (
        f"coalesce({npro} > 0 AND {ncon} > 0 AND NOT ({npro} = 1 AND {ncon} = 1 AND {same}), FALSE)"
    )


def speaker_id_sql(c: str = "c") -> str:
    """Who takes the stance: the speaker's key, else the name as shown."""
    return f"(CASE WHEN {c}.speaker_key <> '' THEN {c}.speaker_key ELSE {speaker_sql(c)} END)"


def _groups_sql(p: Place, contested_only: bool) -> str:
    return f"""{p.new("g")} AS
    WITH cl AS (
        SELECT label, list(claim_id ORDER BY pos) AS claim_ids,
            {contested_agg("sid", "stance")} AS contested,
            min(nullif(date, '')) AS lo, max(nullif(date, '')) AS hi
        FROM {p("gc")} GROUP BY label {"HAVING contested" if contested_only else ""}
    ), ev AS (
        SELECT label, list(event_id ORDER BY event_id) AS event_ids,
            min(nullif(date, '')) AS lo, max(nullif(date, '')) AS hi,
            list_sort(list_distinct(list(source_key || '-' || target_key)
                FILTER (WHERE source_key <> '' AND target_key <> ''))) AS dyads
        FROM {p("ge")} WHERE label IN (SELECT label FROM cl) GROUP BY label
    ), g AS (
        SELECT cl.label,
            left(sha1(array_to_string(list_concat(coalesce(ev.event_ids, []), cl.claim_ids),
                chr(31))), 16) AS group_id,
            cl.contested,
            least(cl.lo, ev.lo) AS first_date, greatest(cl.hi, ev.hi) AS last_date,
            coalesce(ev.dyads, []) AS dyads
        FROM cl LEFT JOIN ev USING (label)
    )
    SELECT *, {date_start_sql("first_date")} AS first_start,
        {date_start_sql("last_date")} AS last_start FROM g"""


GROUP_COLS = "group_id, contested, first_date, last_date, first_start, last_start, dyads"
CLAIM_COLS = "claim_id, doc_id"
EVENT_COLS = "event_id, doc_id, topic, claims"


def build(
    con: duckdb.DuckDBPyConnection,
    out: Place,
    *,
    across: bool = False,
    docs: tuple[str, Sequence[Any]] | None = None,
    contested_only: bool = False,
    work: Place | None = None,
) -> None:
    """(Re)build ``out``'s groups, claims and events tables; ``docs`` (a SELECT of doc_id and
    its parameters) limits the build to those documents.

    ``work`` holds the intermediate tables (default: beside ``out``)."""
    w = work or out
    scoped = docs is not None or (contested_only and not across)
    if scoped:
        _scope(con, w, docs, contested_only and not across)
    for sql in _statements(w, scoped, across, contested_only):
        con.execute(sql)
    keep = "WHERE g.contested" if contested_only else ""
    con.execute(f"{out.new('groups')} AS SELECT {GROUP_COLS} FROM {w('g')} g {keep}")
    con.execute(
        f"{out.new('claims')} AS SELECT g.group_id, g.contested, m.pos, {_cols(CLAIM_COLS)}"
        f" FROM {w('gc')} m JOIN {w('g')} g USING (label) {keep}"
    )
    con.execute(
        f"{out.new('events')} AS SELECT g.group_id, g.contested, row_number() OVER ("
        "PARTITION BY g.group_id ORDER BY m.doc_id, m.sentence, m.start_char, m.event_id) AS ord,"
        f" {_cols(EVENT_COLS)}"
        f" FROM {w('ge')} m JOIN {w('g')} g USING (label) {keep}"
    )
    for name in ("scope", "c", "se", "l", "e", "tp", "n", "gc", "ge", "g"):
        con.execute(f"DROP TABLE IF EXISTS {w(name)}")


def _scope(
    con: duckdb.DuckDBPyConnection,
    w: Place,
    docs: tuple[str, Sequence[Any]] | None,
    contested_docs: bool,
) -> None:
    """The documents to group: those given, and (``contested_docs``) only those where one
    speaker is for and another against. A group never spans two documents (links and
    topics stay inside one), so that skips nothing contested."""
    where = f"WHERE c.doc_id IN ({docs[0]})" if docs else ""
    params = list(docs[1]) if docs else []
    if contested_docs:
        sql = (
            f"SELECT c.doc_id FROM claims c {where} GROUP BY c.doc_id"
            f" HAVING {contested_agg(speaker_id_sql(), 'c.stance')}"
        )
    else:
        sql = f"SELECT DISTINCT c.doc_id FROM claims c {where}"
    con.execute(f"{w.new('scope')} AS {sql}", params)


def _cols(cols: str) -> str:
    return ", ".join(f"m.{c.strip()}" for c in cols.split(","))
