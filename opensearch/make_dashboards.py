"""Writes the shipped OpenSearch Dashboards saved objects, one NDJSON file
per output schema, from the one definition below:

    python3 opensearch/make_dashboards.py

- opensearch/dashboards.ndjson      python-json-logger documents (the default)
- opensearch/dashboards-ecs.ndjson  OUTPUT_SCHEMA=ecs documents

Each line is one saved object in the shape OpenSearch Dashboards 2.x
exports (docs/dashboards-research.md cites the source files read): the
JSON-in-string attributes (`visState`, `searchSourceJSON`, `panelsJSON`),
`references` instead of ids, and the `migrationVersion` of each type's
latest migration. Every panel's query is lucene, which OpenSearch runs as
it is, so tests/e2e/test_dashboards.py can rebuild each request and prove
its buckets on a real node.

Ids are stable and namespaced (`ltf-py-…`, `ltf-ecs-…`), so importing a
new version with `overwrite=true` replaces ours and never touches a user's
own objects. The file starts with the index pattern they read: id `logs`,
title `logs-*` on `@timestamp`, as the stack's set-up makes it for the
template's `IndexName` default; the set-up rewrites both to the stack's
`IndexName`.
"""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
INDEX_PATTERN = "logs"
INDEX_REF = "kibanaSavedObjectMeta.searchSourceJSON.index"
# The latest migration of each type in OpenSearch Dashboards 2.x: a newer
# one is refused on import, an older one re-runs migrations.
MIGRATION = {"index-pattern": "7.6.0", "visualization": "7.10.0", "search": "7.9.3", "dashboard": "7.9.3"}
PANEL_VERSION = "2.11.0"

# Each schema's name for the fields the panels use.
SCHEMAS = {
    "python": {
        "prefix": "ltf-py", "suffix": "",
        "level": "levelname", "logger": "name", "group": "cloudwatch.log_group",
        "exception": "cloudwatch.exception.type", "exception_message": "cloudwatch.exception.message",
        "traceback": "exc_info", "errors": "levelname:(ERROR OR CRITICAL)",
    },
    "ecs": {
        "prefix": "ltf-ecs", "suffix": " (ECS)",
        "level": "log.level", "logger": "log.logger", "group": "aws.cloudwatch.log_group",
        "exception": "error.type", "exception_message": "error.message",
        "traceback": "error.stack_trace", "errors": "log.level:(error OR critical)",
    },
}
REPORTS = 'type:"platform.report"'


def count(id="1"):
    return {"id": id, "enabled": True, "type": "count", "params": {}, "schema": "metric"}


def metric(id, kind, field, **params):
    return {"id": id, "enabled": True, "type": kind, "params": {"field": field, **params}, "schema": "metric"}


def terms(id, field, schema, size=10, order_by="1", order="desc"):
    return {"id": id, "enabled": True, "type": "terms", "schema": schema, "params": {
        "field": field, "orderBy": order_by, "order": order, "size": size,
        "otherBucket": False, "otherBucketLabel": "Other", "missingBucket": False, "missingBucketLabel": "Missing"}}


def over_time(id="2"):
    return {"id": id, "enabled": True, "type": "date_histogram", "schema": "segment", "params": {
        "field": "@timestamp", "useNormalizedOpenSearchInterval": True, "scaleMetricValues": False,
        "interval": "auto", "drop_partials": False, "min_doc_count": 1, "extended_bounds": {}}}


def xy(kind, mode, y_title):
    """A bar or line chart's params, as Dashboards' editor saves them."""
    return {
        "type": kind, "grid": {"categoryLines": False},
        "categoryAxes": [{"id": "CategoryAxis-1", "type": "category", "position": "bottom", "show": True, "style": {},
                          "scale": {"type": "linear"}, "labels": {"show": True, "filter": True, "truncate": 100}, "title": {}}],
        "valueAxes": [{"id": "ValueAxis-1", "name": "LeftAxis-1", "type": "value", "position": "left", "show": True, "style": {},
                       "scale": {"type": "linear", "mode": "normal"},
                       "labels": {"show": True, "rotate": 0, "filter": False, "truncate": 100}, "title": {"text": y_title}}],
        "seriesParams": [{"show": True, "type": kind, "mode": mode, "data": {"label": y_title, "id": "1"},
                          "valueAxis": "ValueAxis-1", "drawLinesBetweenPoints": True, "lineWidth": 2, "showCircles": True}],
        "addTooltip": True, "addLegend": True, "legendPosition": "right", "times": [], "addTimeMarker": False,
        "labels": {"show": False}, "thresholdLine": {"show": False, "value": 10, "width": 1, "style": "full", "color": "#E7664C"},
    }


def table(per_page=10):
    return {"perPage": per_page, "showPartialRows": False, "showMetricsAtAllLevels": False, "showTotal": False,
            "totalFunc": "sum", "percentageCol": ""}


def panels(f):
    """The panels, in the dashboards' order: (id, title, description, vis
    type, params, aggs, lucene query). The description says what the
    panel answers; docs/opensearch.md repeats it."""
    level, logger, group, exc = f["level"], f["logger"], f["group"], f["exception"]
    errors = f["errors"]
    with_exception = f"_exists_:{exc}"
    overview = [
        ("levels-over-time", "Records over time by level",
         "How much each level logs, and when a level's share changes.",
         "histogram", xy("histogram", "stacked", "Records"), [count(), over_time(), terms("3", level, "group")], ""),
        ("errors-by-log-group", "Errors and criticals over time by log group",
         "Which service's error rate moved, and when.",
         "line", xy("line", "normal", "Errors"), [count(), over_time(), terms("3", group, "group")], errors),
        ("errors-by-logger", "Errors and criticals by logger",
         "Which part of which service logs the errors (the logger is the module).",
         "table", table(), [count(), terms("2", group, "bucket", size=20), terms("3", logger, "bucket", size=10)], errors),
        ("top-exceptions", "Top exception types",
         "The exceptions raised most, how many, and when each was last seen.",
         "table", table(), [count(), terms("2", exc, "bucket", size=20),
                            metric("3", "max", "@timestamp")], with_exception),
        ("exceptions-over-time", "Exception types over time",
         "The trend of the five most raised exception types.",
         "line", xy("line", "normal", "Exceptions"), [count(), over_time(), terms("3", exc, "group", size=5)], with_exception),
        ("new-exceptions", "Newest exception types",
         "Exception types by when they were first seen in the time range, newest first: a type that first "
         "appears after a deploy is the deploy's. Its last-seen time says whether it still happens.",
         "table", table(), [count(), terms("2", exc, "bucket", size=20, order_by="3"),
                            metric("3", "min", "@timestamp"), metric("4", "max", "@timestamp")], with_exception),
        ("volume-by-log-group", "Records by log group",
         "Where the volume, and so the bill, comes from.",
         "histogram", xy("histogram", "normal", "Records"), [count(), terms("2", group, "segment", size=20)], ""),
        ("volume-by-logger", "Noisiest loggers",
         "The loggers that write the most records at each level: where a level setting saves the most.",
         "table", table(), [count(), terms("2", logger, "bucket", size=20), terms("3", level, "bucket", size=5)], ""),
    ]
    duration = "record.metrics.durationMs"
    lam = [
        ("lambda-duration", "Lambda duration by function",
         "p50 and p99 duration and the billed time of each function's invocations (REPORT lines).",
         "table", table(), [count(), terms("2", group, "bucket", size=50),
                            metric("3", "percentiles", duration, percents=[50, 99]),
                            metric("4", "avg", "record.metrics.billedDurationMs"),
                            metric("5", "sum", "record.metrics.billedDurationMs")], REPORTS),
        ("lambda-duration-over-time", "Lambda duration over time",
         "p50 and p99 duration of every function together, to see a slow deploy.",
         "line", xy("line", "normal", "Duration (ms)"), [metric("1", "percentiles", duration, percents=[50, 99]), over_time()],
         REPORTS),
        ("lambda-memory", "Lambda memory used against memory size",
         "The most memory each function used against what it is given: room to cut, or a coming out-of-memory.",
         "table", table(), [terms("2", group, "bucket", size=50), metric("1", "max", "record.metrics.maxMemoryUsedMB"),
                            metric("3", "max", "record.metrics.memorySizeMB"),
                            metric("4", "avg", "record.metrics.maxMemoryUsedMB")], REPORTS),
        ("lambda-cold-starts", "Lambda cold starts",
         "How many invocations started a new environment, and how long the init took.",
         "table", table(), [count(), terms("2", group, "bucket", size=50),
                            metric("3", "avg", "record.metrics.initDurationMs"),
                            metric("4", "max", "record.metrics.initDurationMs")],
         f"{REPORTS} AND _exists_:record.metrics.initDurationMs"),
        ("lambda-failures", "Lambda timeouts and crashes",
         "Invocations that did not end well, by function and by how (timeout, error and its type).",
         "table", table(), [count(), terms("2", group, "bucket", size=50), terms("3", "record.status", "bucket", size=5)],
         f"{REPORTS} AND NOT record.status:success"),
    ]
    return overview, lam


def search_source(query):
    return json.dumps({"query": {"query": query, "language": "lucene"}, "filter": [], "indexRefName": INDEX_REF},
                      separators=(",", ":"))


def index_reference():
    return [{"id": INDEX_PATTERN, "name": INDEX_REF, "type": "index-pattern"}]


def visualization(prefix, suffix, panel):
    key, title, description, kind, params, aggs, query = panel
    title += suffix
    vis_state = {"title": title, "type": kind, "aggs": aggs, "params": params}
    return {
        "attributes": {
            "description": description,
            "kibanaSavedObjectMeta": {"searchSourceJSON": search_source(query)},
            "title": title, "uiStateJSON": "{}", "version": 1,
            "visState": json.dumps(vis_state, separators=(",", ":")),
        },
        "id": f"{prefix}-{key}", "migrationVersion": {"visualization": MIGRATION["visualization"]},
        "references": index_reference(), "type": "visualization",
    }


def recent_errors(prefix, suffix, f):
    return {
        "attributes": {
            "columns": [f["level"], f["group"], f["logger"], "message", f["exception"], f["traceback"]],
            "description": "The latest errors and criticals, with their message and traceback.",
            "hits": 0,
            "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(
                {"query": {"query": f["errors"], "language": "lucene"}, "highlightAll": True, "version": True,
                 "filter": [], "indexRefName": INDEX_REF}, separators=(",", ":"))},
            "sort": [["@timestamp", "desc"]], "title": "Recent errors" + suffix, "version": 1,
        },
        "id": f"{prefix}-recent-errors", "migrationVersion": {"search": MIGRATION["search"]},
        "references": index_reference(), "type": "search",
    }


def dashboard(id, title, description, members, time_from):
    """Panels two to a row of Dashboards' 48-column grid."""
    layout, references = [], []
    for i, (member_id, member_type, width) in enumerate(members):
        layout.append({"version": PANEL_VERSION, "gridData": {"x": 0, "y": 0, "w": width, "h": 15, "i": str(i + 1)},
                       "panelIndex": str(i + 1), "embeddableConfig": {}, "panelRefName": f"panel_{i}"})
        references.append({"id": member_id, "name": f"panel_{i}", "type": member_type})
    x = y = 0
    for panel in layout:
        grid = panel["gridData"]
        if x + grid["w"] > 48:
            x, y = 0, y + 15
        grid["x"], grid["y"] = x, y
        x += grid["w"]
    return {
        "attributes": {
            "description": description, "hits": 0,
            "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(
                {"query": {"query": "", "language": "lucene"}, "filter": []}, separators=(",", ":"))},
            "optionsJSON": json.dumps({"hidePanelTitles": False, "useMargins": True}, separators=(",", ":")),
            "panelsJSON": json.dumps(layout, separators=(",", ":")),
            "refreshInterval": {"pause": True, "value": 0},
            "timeFrom": time_from, "timeRestore": True, "timeTo": "now", "title": title, "version": 1,
        },
        "id": id, "migrationVersion": {"dashboard": MIGRATION["dashboard"]},
        "references": references, "type": "dashboard",
    }


def index_pattern():
    """The pattern every panel reads, in the file too, so one import sets
    up a domain of the user's own; the stack's set-up makes the same one."""
    return {
        "attributes": {"timeFieldName": "@timestamp", "title": f"{INDEX_PATTERN}-*"},
        "id": INDEX_PATTERN, "migrationVersion": {"index-pattern": MIGRATION["index-pattern"]},
        "references": [], "type": "index-pattern",
    }


def objects(schema):
    f = SCHEMAS[schema]
    prefix, suffix = f["prefix"], f["suffix"]
    overview, lam = panels(f)
    out = [index_pattern()] + [visualization(prefix, suffix, p) for p in overview + lam]
    out.append(recent_errors(prefix, suffix, f))
    wide = {"levels-over-time", "errors-by-log-group", "exceptions-over-time", "lambda-duration-over-time"}

    def member(p):
        return (f"{prefix}-{p[0]}", "visualization", 48 if p[0] in wide else 24)

    out.append(dashboard(
        f"{prefix}-overview", "Python services" + suffix,
        "Levels, errors by service and logger, exceptions and volume of every Python service the function ships.",
        [member(p) for p in overview] + [(f"{prefix}-recent-errors", "search", 48)], "now-24h"))
    out.append(dashboard(
        f"{prefix}-lambda", "Lambda functions" + suffix,
        "Duration, memory, cold starts, timeouts and crashes of every Lambda function, from its REPORT lines.",
        [member(p) for p in lam], "now-24h"))
    return out


def ndjson(objs):
    lines = [json.dumps(o, sort_keys=True, ensure_ascii=False, separators=(",", ":")) for o in objs]
    summary = {"exportedCount": len(objs), "missingRefCount": 0, "missingReferences": []}
    return "\n".join(lines + [json.dumps(summary, separators=(",", ":"))]) + "\n"


def main():
    (HERE / "dashboards.ndjson").write_text(ndjson(objects("python")), encoding="utf-8")
    (HERE / "dashboards-ecs.ndjson").write_text(ndjson(objects("ecs")), encoding="utf-8")


if __name__ == "__main__":
    main()
