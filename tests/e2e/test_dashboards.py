"""The shipped dashboards (opensearch/dashboards*.ndjson), proven without a
Dashboards server, as far as a real OpenSearch node can prove them:

- every saved object has the shape OpenSearch Dashboards 2.x exports and
  its import accepts (docs/dashboards-research.md, which cites the source
  files read);
- for each schema, the dashboards' corpus (events/dashboards/, three
  services over two hours) is indexed into a real node through the
  release binary's direct path, and every panel's request is rebuilt from
  its own `visState` and `searchSourceJSON` as Dashboards builds it; it
  must name only fields the mapping has and can aggregate, and its buckets
  must equal what the corpus holds, counted here from the documents the
  binary prints for the same events.

    .venv/bin/pytest tests/e2e/test_dashboards.py -q
"""

import json
import math
import os
import subprocess
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path

import pytest

from opensearch_node import OpenSearchNode, built as opensearch_built

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / "target" / "release" / "logs-to-firehose"
CORPUS = sorted((ROOT / "events" / "dashboards").glob("*.json"))
FILES = {"python": ROOT / "opensearch" / "dashboards.ndjson", "ecs": ROOT / "opensearch" / "dashboards-ecs.ndjson"}
TEMPLATES = {"python": ROOT / "opensearch" / "index-template.json", "ecs": ROOT / "opensearch" / "index-template-ecs.json"}
# The index pattern the stack's set-up creates: id = IndexName, title
# `<IndexName>-*`, time field @timestamp (src/setup/mod.rs).
PATTERNS = {"logs": ("logs-*", "@timestamp")}
# The dashboards open on the last 24 hours; the corpus's day, here.
TIME_RANGE = ("2024-05-11T00:00:00.000Z", "2024-05-12T00:00:00.000Z")
# Each schema's names for what the expectations count.
FIELDS = {
    "python": {"level": "levelname", "logger": "name", "group": "cloudwatch.log_group",
               "exception": "cloudwatch.exception.type", "errors": ("ERROR", "CRITICAL")},
    "ecs": {"level": "log.level", "logger": "log.logger", "group": "aws.cloudwatch.log_group",
            "exception": "error.type", "errors": ("error", "critical")},
}
# The latest migration of each type in Dashboards 2.x (research §1).
MIGRATIONS = {"index-pattern": "7.6.0", "visualization": "7.10.0", "search": "7.9.3", "dashboard": "7.9.3"}
JSON_IN_STRING = {
    "visualization": ["visState", "uiStateJSON", "kibanaSavedObjectMeta.searchSourceJSON"],
    "search": ["kibanaSavedObjectMeta.searchSourceJSON"],
    "dashboard": ["panelsJSON", "optionsJSON", "kibanaSavedObjectMeta.searchSourceJSON"],
}
SCHEMAS_OF_AGGS = {"metric", "segment", "group", "bucket", "split", "radius"}


def saved_objects(schema):
    lines = FILES[schema].read_text(encoding="utf-8").splitlines()
    objects = [json.loads(line) for line in lines if line.strip()]
    return [o for o in objects if "exportedCount" not in o], objects[-1]


def at(obj, path):
    """A value by dotted path: a literal dotted key (ECS documents) or
    nested objects (python-json-logger's `cloudwatch`)."""
    if path in obj:
        return obj[path]
    head, _, rest = path.partition(".")
    if rest and isinstance(obj.get(head), dict):
        return at(obj[head], rest)
    return None


# --- The saved objects' shape ----------------------------------------------

@pytest.mark.parametrize("schema", ["python", "ecs"])
def test_every_saved_object_has_the_shape_dashboards_exports_and_imports(schema):
    objects, summary = saved_objects(schema)
    assert summary == {"exportedCount": len(objects), "missingRefCount": 0, "missingReferences": []}
    ids = [(o["type"], o["id"]) for o in objects]
    assert len(set(ids)) == len(ids), "import refuses a file with a duplicate type:id"
    prefix = {"python": "ltf-py-", "ecs": "ltf-ecs-"}[schema]
    in_file = set(ids)
    assert objects[0] == {"attributes": {"timeFieldName": "@timestamp", "title": "logs-*"}, "id": "logs",
                          "migrationVersion": {"index-pattern": "7.6.0"}, "references": [], "type": "index-pattern"}, (
        "the pattern the set-up makes, first: a reference must resolve within the file or on the server")
    for o in objects[1:]:
        assert set(o) == {"attributes", "id", "migrationVersion", "references", "type"}, o["id"]
        assert o["id"].startswith(prefix), "ids are namespaced, so a user's own objects are never overwritten"
        assert o["migrationVersion"] == {o["type"]: MIGRATIONS[o["type"]]}
        attrs = o["attributes"]
        assert isinstance(attrs["title"], str) and attrs["title"]
        assert "kibanaSavedObjectMeta" in attrs, "Dashboards 2.x keeps Kibana's attribute name"
        for path in JSON_IN_STRING[o["type"]]:
            value = at(attrs, path)
            assert isinstance(value, str), f"{o['id']}: {path} is JSON in a string"
            json.loads(value)
        names = [r["name"] for r in o["references"]]
        assert len(set(names)) == len(names)
        for ref in o["references"]:
            assert (ref["type"], ref["id"]) in in_file, f"{o['id']}: missing reference {ref}"
        source = json.loads(attrs["kibanaSavedObjectMeta"]["searchSourceJSON"])
        assert "index" not in source, "ids live in references"
        assert source["query"]["language"] == "lucene"
        if o["type"] in ("visualization", "search"):
            assert source["indexRefName"] == "kibanaSavedObjectMeta.searchSourceJSON.index"
            (ref,) = [r for r in o["references"] if r["name"] == source["indexRefName"]]
            assert (ref["type"], ref["id"]) == ("index-pattern", "logs")
        if o["type"] == "visualization":
            vis = json.loads(attrs["visState"])
            assert vis["title"] == attrs["title"]
            agg_ids = [a["id"] for a in vis["aggs"]]
            assert len(set(agg_ids)) == len(agg_ids)
            for agg in vis["aggs"]:
                assert {"id", "enabled", "type", "schema", "params"} <= set(agg)
                assert agg["schema"] in SCHEMAS_OF_AGGS and isinstance(agg["params"], dict)
        if o["type"] == "search":
            assert attrs["sort"] == [["@timestamp", "desc"]] and isinstance(attrs["columns"], list)
        if o["type"] == "dashboard":
            panels = json.loads(attrs["panelsJSON"])
            assert [p["panelRefName"] for p in panels] == [f"panel_{i}" for i in range(len(panels))]
            for p in panels:
                assert "id" not in p and "type" not in p
                grid = p["gridData"]
                assert grid["i"] == p["panelIndex"] and grid["x"] + grid["w"] <= 48, "a 48-column grid"
            assert [r["name"] for r in o["references"]] == [p["panelRefName"] for p in panels]


def test_the_two_schemas_ship_the_same_panels_under_their_own_ids():
    py, _ = saved_objects("python")
    ecs, _ = saved_objects("ecs")
    assert [o["id"].removeprefix("ltf-py-") for o in py] == [o["id"].removeprefix("ltf-ecs-") for o in ecs]
    assert py[0] == ecs[0], "one index pattern, whatever the schema"
    dashboards = {o["id"] for o in py if o["type"] == "dashboard"}
    assert dashboards == {"ltf-py-overview", "ltf-py-lambda"}


def test_the_shipped_files_are_what_the_generator_writes(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_dashboards", ROOT / "opensearch" / "make_dashboards.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    for schema, path in FILES.items():
        assert path.read_text(encoding="utf-8") == make.ndjson(make.objects(schema)), (
            f"{path.name} is stale: python3 opensearch/make_dashboards.py")


# --- Each panel's request, as Dashboards builds it ---------------------------

def auto_interval(start, end):
    """Dashboards' `auto` date_histogram interval (calc_auto_interval.ts:
    the `near` rule over its rounding table, for 50 bars), as a fixed or
    calendar interval."""
    s, m, h, d = 1000, 60_000, 3_600_000, 86_400_000
    rules = [(math.inf, "1y"), (365 * d, "1M"), (21 * d, "1w"), (7 * d, "1d"), (24 * h, "12h"), (6 * h, "3h"),
             (2 * h, "1h"), (45 * m, "30m"), (20 * m, "10m"), (9 * m, "5m"), (3 * m, "1m"), (45 * s, "30s"),
             (15 * s, "10s"), (7.5 * s, "5s"), (5 * s, "1s"), (500, "100ms")]
    target = (end - start).total_seconds() * 1000 / 50
    chosen = None
    for bound, interval in rules:
        if bound > target:
            chosen = interval
        else:
            break
    key = "calendar_interval" if chosen.startswith("1") and chosen[-1] in "mhdwMy" and chosen != "100ms" else "fixed_interval"
    return {key: chosen}


def parse_time(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def bucket_dsl(agg, metric_ids):
    p = agg["params"]
    if agg["type"] == "date_histogram":
        interval = auto_interval(*map(parse_time, TIME_RANGE)) if p["interval"] == "auto" else {"fixed_interval": p["interval"]}
        return {"date_histogram": {"field": p["field"], **interval, "time_zone": "UTC", "min_doc_count": p["min_doc_count"]}}
    if agg["type"] == "terms":
        by = p["orderBy"]
        if by == "_key":
            order = {"_key": p["order"]}
        elif metric_ids.get(by) == "count" or by == "_count":
            order = {"_count": p["order"]}
        else:
            order = {by: p["order"]}
        return {"terms": {"field": p["field"], "order": order, "size": p["size"]}}
    raise AssertionError(f"no request rule for bucket agg {agg['type']}")


def metric_dsl(agg):
    p = agg["params"]
    if agg["type"] == "percentiles":
        return {"percentiles": {"field": p["field"], "percents": p["percents"], "keyed": False}}
    if agg["type"] in ("max", "min", "avg", "sum", "cardinality"):
        return {agg["type"]: {"field": p["field"]}}
    raise AssertionError(f"no request rule for metric agg {agg['type']}")


def request_for(obj):
    """The index and `_search` body Dashboards sends for a visualization
    (opensearchaggs.ts, agg_configs.ts toDsl): buckets nest in the
    visState's order, every metric but count goes into the last bucket
    (and into a terms bucket ordered by it), the lucene query and the time
    range on the index pattern's time field go into a bool query."""
    attrs = obj["attributes"]
    vis = json.loads(attrs["visState"])
    source = json.loads(attrs["kibanaSavedObjectMeta"]["searchSourceJSON"])
    ref = {r["name"]: r for r in obj["references"]}[source["indexRefName"]]
    index, time_field = PATTERNS[ref["id"]]
    aggs = [a for a in vis["aggs"] if a["enabled"]]
    metrics = [a for a in aggs if a["schema"] == "metric"]
    buckets = [a for a in aggs if a["schema"] != "metric"]
    kinds = {m["id"]: m["type"] for m in metrics}
    metric_aggs = {m["id"]: metric_dsl(m) for m in metrics if m["type"] != "count"}
    root = level = {}
    for i, b in enumerate(buckets):
        body = bucket_dsl(b, kinds)
        level[b["id"]] = body
        inner = {}
        order_by = b["params"].get("orderBy")
        if order_by in metric_aggs:
            inner[order_by] = metric_aggs[order_by]
        if i == len(buckets) - 1:
            inner.update(metric_aggs)
        if inner:
            body["aggs"] = inner
        if i < len(buckets) - 1:
            level = body.setdefault("aggs", {})
    if not buckets:
        root = metric_aggs
    query = source["query"]["query"]
    must = [{"query_string": {"query": query, "analyze_wildcard": True}}] if query else [{"match_all": {}}]
    time = {"range": {time_field: {"gte": TIME_RANGE[0], "lte": TIME_RANGE[1], "format": "strict_date_optional_time"}}}
    body = {"size": 0, "aggs": root, "query": {"bool": {"must": must, "filter": [time], "should": [], "must_not": []}}}
    return index, body, [b["id"] for b in buckets], metrics


def fields_named(obj):
    vis = json.loads(obj["attributes"]["visState"])
    return [(a["type"], a["params"]["field"]) for a in vis["aggs"] if "field" in a["params"]]


# --- The corpus, indexed through the binary ----------------------------------

def printed(schema):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "OPENSEARCH", "DELIVERY_STREAM", "PYTHON_LOG", "LOG_GROUP"))}
    env["OUTPUT_SCHEMA"] = schema
    out = subprocess.run([BIN, "invoke", *CORPUS], env=env, capture_output=True, text=True, check=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def index_corpus(node, schema):
    node.request("DELETE", "/logs-*")
    node.request("PUT", "/_index_template/logs", json.loads(TEMPLATES[schema].read_text()))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "PYTHON_LOG", "DELIVERY_STREAM", "LOG_GROUP"))}
    env.update(OPENSEARCH_ENDPOINT=node.url, OUTPUT_SCHEMA=schema, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test",
               AWS_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true", RUST_LOG="error")
    done = subprocess.run([BIN, "invoke", *CORPUS], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    node.request("POST", "/logs-*/_refresh")


@pytest.fixture(scope="module")
def node():
    assert opensearch_built(), "build the OpenSearch launcher first: mvn -q -B -f tests/opensearch/pom.xml package"
    assert BIN.exists(), f"build the binary first: cargo build --release ({BIN})"
    with OpenSearchNode() as n:
        yield n


@pytest.fixture(scope="module", params=["python", "ecs"])
def indexed(request, node):
    schema = request.param
    index_corpus(node, schema)
    docs = printed(schema)
    assert node.request("GET", "/logs-*/_count")["count"] == len(docs)
    yield schema, docs


# --- What the corpus holds, counted from the printed documents ---------------

class Corpus:
    def __init__(self, schema, docs):
        self.f = FIELDS[schema]
        self.docs = docs

    def get(self, doc, what):
        return at(doc, self.f[what])

    def errors(self):
        return [d for d in self.docs if self.get(d, "level") in self.f["errors"]]

    def with_exception(self):
        return [d for d in self.docs if self.get(d, "exception") is not None]

    def reports(self):
        return [d for d in self.docs if d.get("type") == "platform.report"]

    def by(self, docs, *whats):
        return Counter(tuple(self.get(d, w) for w in whats) if len(whats) > 1 else self.get(d, whats[0]) for d in docs
                       if all(self.get(d, w) is not None for w in whats))


def flatten(buckets_of, ids, prefix=()):
    """A nested aggregation answer as rows: (keys…, bucket)."""
    (first, *rest) = ids
    rows = []
    for b in buckets_of[first]["buckets"]:
        key = (*prefix, b.get("key_as_string", b["key"]))
        rows.extend(flatten(b, rest, key) if rest else [(key, b)])
    return rows


def half_hour(text):
    """The 30-minute bucket's key a time falls in, as OpenSearch writes it."""
    t = parse_time(text)
    return t.replace(minute=t.minute - t.minute % 30, second=0, microsecond=0).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def millis(text):
    return parse_time(text.replace(" ", "T")).timestamp() * 1000


def run(node, obj):
    index, body, bucket_ids, metrics = request_for(obj)
    answer = node.request("POST", f"/{index}/_search", body)
    assert answer["_shards"]["failed"] == 0, answer["_shards"]
    return flatten(answer["aggregations"], bucket_ids) if bucket_ids else [((), answer["aggregations"])]


def test_every_panel_names_fields_the_mapping_has_and_can_aggregate(node, indexed):
    schema, _ = indexed
    objects, _ = saved_objects(schema)
    caps = node.request("GET", "/logs-*/_field_caps?fields=*")["fields"]
    for obj in objects:
        if obj["type"] == "visualization":
            for kind, field in fields_named(obj):
                assert field in caps, f"{obj['id']}: {field} is not in the mapping"
                (cap,) = caps[field].values()
                assert cap["aggregatable"], f"{obj['id']}: {field} can't be aggregated ({cap['type']})"
                if kind == "date_histogram":
                    assert cap["type"] == "date"
        if obj["type"] == "search":
            for column in obj["attributes"]["columns"]:
                assert column in caps, f"{obj['id']}: column {column} is not in the mapping"


def test_the_overview_panels_return_the_corpus_buckets(node, indexed):
    schema, docs = indexed
    c = Corpus(schema, docs)
    prefix = {"python": "ltf-py-", "ecs": "ltf-ecs-"}[schema]
    panels = {o["id"].removeprefix(prefix): o for o in saved_objects(schema)[0]}

    def totals(rows, key_at):
        out = Counter()
        for keys, b in rows:
            out[keys[key_at]] += b["doc_count"]
        return out

    rows = run(node, panels["levels-over-time"])
    assert totals(rows, 1) == c.by(docs, "level")
    assert len({k[0] for k, _ in rows}) == 4, "two hours in the 24 hours' 30-minute buckets"
    assert totals(run(node, panels["errors-by-log-group"]), 1) == c.by(c.errors(), "group")
    rows = run(node, panels["errors-by-logger"])
    assert {k: b["doc_count"] for k, b in rows} == c.by(c.errors(), "group", "logger")

    exceptions = c.by(c.with_exception(), "exception")
    rows = run(node, panels["top-exceptions"])
    assert [(k[0], b["doc_count"]) for k, b in rows] == sorted(exceptions.items(), key=lambda kv: (-kv[1], kv[0]))
    assert rows[0][0] == ("ValueError",) and rows[0][1]["doc_count"] == 4
    last_seen = {k[0]: b["3"]["value"] for k, b in rows}
    for doc in c.with_exception():
        assert millis(doc["@timestamp"]) <= last_seen[c.get(doc, "exception")]
    rows = run(node, panels["exceptions-over-time"])
    per_bucket = Counter((half_hour(doc["@timestamp"]), c.get(doc, "exception")) for doc in c.with_exception())
    assert max(Counter(b for b, _ in per_bucket).values()) <= 5, "the corpus has no type cut by the top five"
    assert {k: b["doc_count"] for k, b in rows} == per_bucket

    rows = run(node, panels["new-exceptions"])
    first_seen = defaultdict(lambda: math.inf)
    for doc in c.with_exception():
        t = c.get(doc, "exception")
        first_seen[t] = min(first_seen[t], millis(doc["@timestamp"]))
    assert [k[0] for k, _ in rows] == sorted(first_seen, key=lambda t: -first_seen[t])
    assert rows[0][0] == ("ConnectionError",), "the type first seen last is on top"
    assert {k[0]: b["3"]["value"] for k, b in rows} == first_seen

    assert {k[0]: b["doc_count"] for k, b in run(node, panels["volume-by-log-group"])} == c.by(docs, "group")
    rows = run(node, panels["volume-by-logger"])
    assert {k: b["doc_count"] for k, b in rows} == c.by(docs, "logger", "level")


def test_the_recent_errors_search_finds_every_error_newest_first(node, indexed):
    schema, docs = indexed
    c = Corpus(schema, docs)
    (search,) = [o for o in saved_objects(schema)[0] if o["type"] == "search"]
    source = json.loads(search["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
    body = {"size": 100, "sort": [{"@timestamp": "desc"}],
            "query": {"bool": {"must": [{"query_string": {"query": source["query"]["query"], "analyze_wildcard": True}}]}}}
    hits = node.request("POST", "/logs-*/_search", body)["hits"]["hits"]
    assert len(hits) == len(c.errors()) > 0
    times = [h["_source"]["@timestamp"] for h in hits]
    assert times == sorted(times, reverse=True)


def test_the_lambda_panels_return_each_functions_report_figures(node, indexed):
    schema, docs = indexed
    c = Corpus(schema, docs)
    prefix = {"python": "ltf-py-", "ecs": "ltf-ecs-"}[schema]
    panels = {o["id"].removeprefix(prefix): o for o in saved_objects(schema)[0]}
    reports = defaultdict(list)
    for doc in c.reports():
        reports[c.get(doc, "group")].append(doc["record"])
    assert set(reports) == {"/aws/lambda/orders", "/aws/lambda/payments"}

    for (group,), b in run(node, panels["lambda-duration"]):
        durations = sorted(r["metrics"]["durationMs"] for r in reports[group])
        assert b["doc_count"] == len(durations)
        p50, p99 = (v["value"] for v in b["3"]["values"])
        mid = len(durations) // 2
        assert durations[mid - 1] <= p50 <= durations[mid], (group, p50, durations)
        assert durations[-2] <= p99 <= durations[-1], (group, p99, durations)
        billed = [r["metrics"]["billedDurationMs"] for r in reports[group]]
        assert b["5"]["value"] == sum(billed) and b["4"]["value"] == pytest.approx(sum(billed) / len(billed))
    assert run(node, panels["lambda-duration"])[0][0] == ("/aws/lambda/orders",), "more invocations first"

    rows = run(node, panels["lambda-duration-over-time"])
    assert sum(b["doc_count"] for _, b in rows) == len(c.reports())

    for (group,), b in run(node, panels["lambda-memory"]):
        used = [r["metrics"]["maxMemoryUsedMB"] for r in reports[group]]
        assert (b["1"]["value"], b["3"]["value"]) == (max(used), 256)
        assert b["4"]["value"] == pytest.approx(sum(used) / len(used))
    memory = {k[0]: b["1"]["value"] for k, b in run(node, panels["lambda-memory"])}
    assert memory == {"/aws/lambda/orders": 120, "/aws/lambda/payments": 256}, "payments ran out of memory"

    cold = {k[0]: b for k, b in run(node, panels["lambda-cold-starts"])}
    for group, records in reports.items():
        inits = [r["metrics"]["initDurationMs"] for r in records if "initDurationMs" in r["metrics"]]
        assert cold[group]["doc_count"] == len(inits) == 2
        assert cold[group]["4"]["value"] == max(inits)
        assert cold[group]["3"]["value"] == pytest.approx(sum(inits) / len(inits))

    rows = run(node, panels["lambda-failures"])
    assert {k: b["doc_count"] for k, b in rows} == {("/aws/lambda/orders", "timeout"): 1, ("/aws/lambda/payments", "error"): 1}


def test_the_exception_type_is_the_one_raised_for_every_kind_of_traceback(node, indexed):
    """Chained (the last raised wins), an exception group (the group, not
    its last sub-exception), a SyntaxError (past its source and caret), no
    message, a Lambda crash (its exception is in the message), and a
    record without exc_info (no type at all), each read back from the
    node by a terms aggregation on the type field."""
    schema, _ = indexed
    f = FIELDS[schema]
    expected = {
        "config reload failed": "RuntimeError",
        "settlement failed": "ExceptionGroup",
        "plugin failed to load": "SyntaxError",
        "bank did not answer": "TimeoutError",
        "KeyError: 'Z-9'": "KeyError",
        "order placed: id=O-1000": None,
    }
    for message, kind in expected.items():
        body = {"size": 0, "query": {"match_phrase": {"message": message}},
                "aggs": {"type": {"terms": {"field": f["exception"]}}, "none": {"missing": {"field": f["exception"]}}}}
        answer = node.request("POST", "/logs-*/_search", body)
        assert answer["hits"]["total"]["value"] >= 1, message
        types = [b["key"] for b in answer["aggregations"]["type"]["buckets"]]
        assert types == ([kind] if kind else []), (message, types)
        if kind is None:
            assert answer["aggregations"]["none"]["doc_count"] == answer["hits"]["total"]["value"]
