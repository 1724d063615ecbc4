"""What template.yaml promises, checked on the template itself.

    .venv/bin/pytest tests/template -q

cfn-lint and `sam validate --lint` check that the template is valid; these
tests check that it is careful: least privilege, nothing lost, no loop.
"""

import re
from pathlib import Path

import pytest
from cfnlint.decode import cfn_yaml

TEMPLATE = cfn_yaml.load(str(Path(__file__).resolve().parents[2] / "template.yaml"))
RESOURCES = TEMPLATE["Resources"]


def resources(kind):
    return {name: r for name, r in RESOURCES.items() if isinstance(r, dict) and r.get("Type") == kind}


def listify(x):
    return x if isinstance(x, list) else [x]


def branches(st):
    """A statement, or each statement a conditional one may be."""
    if isinstance(st, dict) and "Fn::If" in st:
        for branch in st["Fn::If"][1:]:
            yield from branches(branch)
    elif isinstance(st, dict) and "Effect" in st:
        yield st


def statements():
    """Every permission statement: IAM role and policy documents, bucket and domain policies."""
    for name, role in resources("AWS::IAM::Role").items():
        for policy in role["Properties"].get("Policies", []):
            for each in policy["PolicyDocument"]["Statement"]:
                for st in branches(each):
                    yield f"{name}/{policy['PolicyName']}/{st.get('Sid')}", st
    for name, policy in resources("AWS::IAM::Policy").items():
        for st in policy["Properties"]["PolicyDocument"]["Statement"]:
            yield f"{name}/{st.get('Sid')}", st
    for name, bp in resources("AWS::S3::BucketPolicy").items():
        for st in bp["Properties"]["PolicyDocument"]["Statement"]:
            yield f"{name}/{st.get('Sid')}", st
    for name, d in resources("AWS::OpenSearchService::Domain").items():
        for st in d["Properties"]["AccessPolicies"]["Statement"]:
            yield f"{name}/access", st


def mentions_star(value):
    """Whether a resource, with its intrinsic functions, contains a wildcard."""
    if isinstance(value, str):
        return "*" in value
    if isinstance(value, dict):
        return any(mentions_star(v) for v in value.values())
    if isinstance(value, list):
        return any(mentions_star(v) for v in value)
    return False


def test_no_statement_grants_wildcard_actions():
    for where, st in statements():
        if st.get("Effect") == "Deny":
            continue  # denying everything (the TLS-only rule) grants nothing
        for action in listify(st["Action"]):
            assert "*" not in action, f"{where}: {action}"


def test_firehose_and_sqs_statements_name_their_resources():
    checked = 0
    for where, st in statements():
        if any(a.split(":")[0] in ("firehose", "sqs") for a in listify(st["Action"])):
            checked += 1
            assert not mentions_star(st["Resource"]), f"{where}: {st['Resource']}"
    assert checked >= 2


def test_the_function_may_only_put_to_its_stream_write_its_logs_reach_its_queue_read_the_central_stream_and_its_setup_secret():
    role = RESOURCES["FunctionRole"]["Properties"]
    # AWS's managed policy for network interfaces, only with SubnetIds.
    vpc = role["ManagedPolicyArns"]["Fn::If"]
    assert vpc[0] == "InVpc" and vpc[2] == {"Ref": "AWS::NoValue"}
    assert vpc[1] == [{"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"}]
    sts = [st for each in role["Policies"][0]["PolicyDocument"]["Statement"] for st in branches(each)]
    actions = sorted(a for st in sts for a in listify(st["Action"]))
    assert actions == [
        # The direct path's _bulk calls, to one domain.
        "es:ESHttpPost",
        "es:ESHttpPut",
        "firehose:DescribeDeliveryStream",
        "firehose:PutRecordBatch",
        "kinesis:DescribeStream",
        "kinesis:DescribeStreamSummary",
        "kinesis:GetRecords",
        "kinesis:GetShardIterator",
        "kinesis:ListShards",
        # The stack's key, when KmsKeyArn is set, and only that key.
        "kms:Decrypt",
        "kms:GenerateDataKey",
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "s3:DeleteObject",
        "s3:GetObject",
        "s3:ListBucket",
        "s3:PutObject",
        # The direct path's backup, under errors/opensearch-failed/ only.
        "s3:PutObject",
        "secretsmanager:GetSecretValue",
        "sqs:SendMessage",
    ]
    # Reading the stream only in central mode.
    central = [each for each in role["Policies"][0]["PolicyDocument"]["Statement"] if "Fn::If" in each and each["Fn::If"][0] == "Central"]
    assert central and central[0]["Fn::If"][1]["Resource"] == {"Fn::GetAtt": ["CentralStream", "Arn"]}


def test_failed_events_go_to_an_encrypted_queue_kept_as_long_as_sqs_allows():
    fn = RESOURCES["Function"]["Properties"]
    cfg = fn["EventInvokeConfig"]
    assert cfg["MaximumRetryAttempts"] == 2
    assert cfg["DestinationConfig"]["OnFailure"]["Type"] == "SQS"
    assert cfg["DestinationConfig"]["OnFailure"]["Destination"] == {"Fn::GetAtt": ["FailureQueue", "Arn"]}
    # Lambda's most: a log storm's backlog has 6 hours under the cap.
    assert cfg["MaximumEventAgeInSeconds"] == 21600
    queue = RESOURCES["FailureQueue"]["Properties"]
    # SQS-managed keys, or the stack's own: never unencrypted.
    assert queue["SqsManagedSseEnabled"] == {"Fn::If": ["UseKey", {"Ref": "AWS::NoValue"}, True]}
    assert queue["KmsMasterKeyId"]["Fn::If"][0] == "UseKey"
    assert queue["MessageRetentionPeriod"] == 1209600


def test_a_log_storm_meets_a_cap_of_50_and_0_or_empty_leave_the_function_unreserved_never_stopped():
    fn = RESOURCES["Function"]["Properties"]
    assert TEMPLATE["Parameters"]["ReservedConcurrency"]["Default"] == "50"
    assert fn["ReservedConcurrentExecutions"] == {"Fn::If": ["Reserved", {"Ref": "ReservedConcurrency"}, {"Ref": "AWS::NoValue"}]}
    # A reserved concurrency of 0 stops the function: "0" must mean no
    # setting at all.
    assert TEMPLATE["Conditions"]["Reserved"] == {
        "Fn::Not": [{"Fn::Or": [{"Fn::Equals": [{"Ref": "ReservedConcurrency"}, ""]}, {"Fn::Equals": [{"Ref": "ReservedConcurrency"}, "0"]}]}]
    }


def test_every_store_of_log_data_takes_the_stacks_key_when_one_is_given():
    key = {"Fn::If": ["CreateKey", {"Fn::GetAtt": ["Key", "Arn"]}, {"Ref": "KmsKeyArn"}]}
    stores = {
        "FunctionLogGroup": "KmsKeyId",
        "FirehoseLogGroup": "KmsKeyId",
        "DomainLogGroup": "KmsKeyId",
        "MasterUserSecret": "KmsKeyId",
        "FailureQueue": "KmsMasterKeyId",
        "Function": "KmsKeyArn",
    }
    for name, prop in stores.items():
        assert RESOURCES[name]["Properties"][prop] == {"Fn::If": ["UseKey", key, {"Ref": "AWS::NoValue"}]}, name
    created = RESOURCES["Key"]
    assert created["Condition"] == "CreateKey" and created["DeletionPolicy"] == "Retain"
    assert created["Properties"]["EnableKeyRotation"] is True
    logs = [st for st in created["Properties"]["KeyPolicy"]["Statement"] if "Service" in st["Principal"]]
    (st,) = logs
    assert list(st["Condition"]["ArnLike"]) == ["kms:EncryptionContext:aws:logs:arn"]


def test_every_checkov_skip_says_why():
    skips = [(n, s) for n, r in RESOURCES.items() if isinstance(r, dict) for s in r.get("Metadata", {}).get("checkov", {}).get("skip", [])]
    assert skips, "the template's skips are where a reviewer looks"
    for name, skip in skips:
        assert re.fullmatch(r"CKV2?_AWS_\d+", skip["id"]) and len(skip["comment"]) > 40, (name, skip)


def test_one_permission_scoped_by_source_account_and_arn_serves_every_log_group_and_the_account_policy():
    perms = {n: p for n, p in resources("AWS::Lambda::Permission").items() if p["Properties"]["Principal"] == "logs.amazonaws.com"}
    assert len(perms) == 1
    perm = next(iter(perms.values()))
    p = perm["Properties"]
    assert p["Principal"] == "logs.amazonaws.com"
    assert p["SourceAccount"] == {"Ref": "AWS::AccountId"}
    # AWS's account-level example grants exactly this source ARN.
    assert p["SourceArn"]["Fn::Sub"].endswith(":${AWS::AccountId}:log-group:*")
    assert perm["Condition"] == "LogsInvoke"
    assert TEMPLATE["Conditions"]["LogsInvoke"] == {
        "Fn::Or": [{"Fn::Equals": [{"Ref": "Mode"}, "subscription"]}, {"Condition": "AccountPolicy"}]
    }


def test_listed_log_groups_get_one_subscription_per_slot_named_by_index_never_by_group():
    loop = RESOURCES["Fn::ForEach::Subscriptions"]
    assert loop[0] == "Slot" and loop[1] == [str(i) for i in range(50)]
    body = loop[2]
    assert set(body) == {"Subscription${Slot}", "ProcessorSubscription${Slot}"}
    to_function, to_processor = body["Subscription${Slot}"], body["ProcessorSubscription${Slot}"]
    assert to_function["Condition"] == "ToFunction${Slot}" and to_processor["Condition"] == "ToProcessor${Slot}"
    assert to_function["DependsOn"] == "LogsInvokePermission"
    assert to_function["Properties"]["DestinationArn"] == {"Fn::GetAtt": ["Function", "Arn"]}
    assert to_processor["Properties"]["DestinationArn"] == {"Fn::GetAtt": ["ProcessorStream", "Arn"]}
    # Over 50 groups fails the deploy rather than skipping some.
    assert RESOURCES["TooManyLogGroupsListedUseModeAccountPolicy"]["Condition"] == "TooManyGroups"
    rule = TEMPLATE["Rules"]["NoFeedbackLoop"]["Assertions"][0]["Assert"]
    assert rule == {"Fn::Not": [{"Fn::Contains": [{"Ref": "LogGroupNames"}, {"Ref": "FunctionLogGroupName"}]}]}
    fn = RESOURCES["Function"]["Properties"]
    assert fn["LoggingConfig"]["LogGroup"] == {"Ref": "FunctionLogGroup"}
    assert "RetentionInDays" in RESOURCES["FunctionLogGroup"]["Properties"]


def test_the_functions_log_group_is_named_by_cloudformation_unless_a_name_is_given():
    assert TEMPLATE["Parameters"]["FunctionLogGroupName"]["Default"] == ""
    assert RESOURCES["FunctionLogGroup"]["Properties"]["LogGroupName"] == {
        "Fn::If": ["NamedFunctionLogGroup", {"Ref": "FunctionLogGroupName"}, {"Ref": "AWS::NoValue"}]
    }


def test_every_condition_is_used():
    text = (Path(__file__).resolve().parents[2] / "template.yaml").read_text()
    for name in TEMPLATE["Conditions"]:
        if name.startswith("Fn::ForEach"):
            continue
        uses = text.count(f"Condition: {name}") + text.count(f"[{name},") + text.count(f"!Condition {name}") + text.count(f"- {name}\n")
        assert uses >= 1, name


@pytest.mark.parametrize(
    "var,param",
    [
        ("PYTHON_LOG_FORMAT", "PythonLogFormat"),
        ("PYTHON_LOG_DATEFMT", "PythonLogDatefmt"),
        ("LOG_GROUP_FORMATS", "LogGroupFormats"),
        ("TYPE_STABLE", "TypeStable"),
        ("LAMBDA_PLATFORM_LINES", "LambdaPlatformLines"),
        ("OVERSIZE", "Oversize"),
        ("MAX_IN_FLIGHT", "MaxInFlight"),
        ("OUTPUT_SCHEMA", "OutputSchema"),
        ("MIN_LEVEL", "MinLevel"),
        ("INCLUDE_PATTERN", "IncludePattern"),
        ("EXCLUDE_PATTERN", "ExcludePattern"),
        ("EXCLUDE_LOGGERS", "ExcludeLoggers"),
        ("REDACT", "Redact"),
        ("REDACT_PATTERNS", "RedactPatterns"),
    ],
)
def test_parsing_settings_pass_through_as_environment_variables(var, param):
    env = RESOURCES["Function"]["Properties"]["Environment"]["Variables"]
    assert env[var] == {"Ref": param}


def test_the_function_is_built_by_cargo_lambda_for_al2023_and_deployed_for_the_architecture_it_was_built_for():
    fn = RESOURCES["Function"]
    assert fn["Metadata"]["BuildMethod"] == "rust-cargolambda"
    assert fn["Properties"]["Runtime"] == "provided.al2023"
    # A literal that build and deploy both read: no parameter can make the
    # deployed architecture differ from the built binary's.
    assert fn["Properties"]["Architectures"] == ["arm64"]
    assert "Architecture" not in TEMPLATE["Parameters"]


def test_the_optional_stack_is_encrypted_private_and_expiring():
    assert RESOURCES["Domain"]["Condition"] == "CreateStack"
    # The direct path (Destination=opensearch) makes no Firehose stream.
    for name in ["DeliveryStream", "FirehoseRole"]:
        assert RESOURCES[name]["Condition"] == "CreateFirehose"
    assert RESOURCES["BackupBucket"]["Condition"] == "NeedsBucket"
    bucket = RESOURCES["BackupBucket"]["Properties"]
    assert all(bucket["PublicAccessBlockConfiguration"].values())
    assert bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert bucket["LifecycleConfiguration"]["Rules"][0]["ExpirationInDays"] == {"Ref": "BackupExpirationInDays"}
    # Versioned: one DeleteObject can't lose a backup; old versions go
    # after 14 days, and so do the delete markers they leave.
    assert bucket["VersioningConfiguration"] == {"Status": "Enabled"}
    assert bucket["LifecycleConfiguration"]["Rules"][0]["NoncurrentVersionExpiration"] == {"NoncurrentDays": 14}
    assert bucket["LifecycleConfiguration"]["Rules"][1]["ExpiredObjectDeleteMarker"] is True
    # The domain logs its errors and audit events where it may write.
    logging = domain_logs = RESOURCES["Domain"]["Properties"]["LogPublishingOptions"]
    assert set(logging) == {"ES_APPLICATION_LOGS", "AUDIT_LOGS"}
    assert all(o == {"Enabled": True, "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["DomainLogGroup", "Arn"]}} for o in domain_logs.values())
    assert RESOURCES["Domain"]["DependsOn"] == "DomainLogPolicy"
    assert RESOURCES["OpenSearchSetup"]["Properties"]["AuditLogs"] == "true"
    domain = RESOURCES["Domain"]["Properties"]
    assert domain["EncryptionAtRestOptions"]["Enabled"] and domain["NodeToNodeEncryptionOptions"]["Enabled"]
    assert domain["DomainEndpointOptions"]["EnforceHTTPS"]
    assert domain["AdvancedSecurityOptions"]["Enabled"]
    dest = RESOURCES["DeliveryStream"]["Properties"]["AmazonopensearchserviceDestinationConfiguration"]
    assert dest["IndexRotationPeriod"] == {"Ref": "IndexRotationPeriod"}
    assert dest["RetryOptions"]["DurationInSeconds"] == {"Ref": "RetryDurationInSeconds"}
    assert dest["S3BackupMode"] == "AllDocuments"
    assert set(TEMPLATE["Outputs"]) >= {"FunctionArn", "DeliveryStreamName", "FailureQueueUrl", "DashboardsUrl"}


def test_the_processor_option_runs_the_function_inside_an_s3_stream_that_it_alone_may_reingest_into():
    assert TEMPLATE["Parameters"]["Mode"]["AllowedValues"] == ["subscription", "account-policy", "central", "firehose-processor"]
    for name in ["ProcessorStream", "ProcessorRole", "LogsToFirehoseRole", "ProcessorReingest"]:
        assert RESOURCES[name]["Condition"] == "Processor"
    stream = RESOURCES["ProcessorStream"]["Properties"]
    dest = stream["ExtendedS3DestinationConfiguration"]
    assert "AmazonopensearchserviceDestinationConfiguration" not in stream, "one record per delivery: S3 only"
    (proc,) = dest["ProcessingConfiguration"]["Processors"]
    params = {p["ParameterName"]: p["ParameterValue"] for p in proc["Parameters"]}
    assert params["LambdaArn"] == {"Fn::GetAtt": ["Function", "Arn"]}
    # Unnamed, so no stack name can push it past Firehose's 64 characters;
    # the function's re-ingest grant is a policy of its own, which breaks
    # the cycle a reference from the role would make.
    assert "DeliveryStreamName" not in stream
    reingest = RESOURCES["ProcessorReingest"]["Properties"]
    assert reingest["Roles"] == [{"Ref": "FunctionRole"}]
    (st,) = reingest["PolicyDocument"]["Statement"]
    assert (st["Action"], st["Resource"]) == ("firehose:PutRecordBatch", {"Fn::GetAtt": ["ProcessorStream", "Arn"]})
    env = RESOURCES["Function"]["Properties"]["Environment"]["Variables"]
    assert env["DELIVERY_STREAM_NAME"]["Fn::If"][:2] == ["Processor", ""]
    logs_role = RESOURCES["LogsToFirehoseRole"]["Properties"]
    (st,) = logs_role["Policies"][0]["PolicyDocument"]["Statement"]
    assert st["Resource"] == {"Fn::GetAtt": ["ProcessorStream", "Arn"]}


def test_the_account_policy_excludes_the_functions_own_group_firehoses_error_log_and_the_domains_logs():
    policy = RESOURCES["AccountSubscription"]
    assert policy["Condition"] == "AccountPolicy" and policy["DependsOn"] == "LogsInvokePermission"
    p = policy["Properties"]
    assert (p["PolicyType"], p["Scope"]) == ("SUBSCRIPTION_FILTER_POLICY", "ALL")
    template, values = p["SelectionCriteria"]["Fn::Sub"]
    assert template.startswith('LogGroupName NOT IN ["${FunctionLogGroup}"')
    assert values["Firehose"] == {"Fn::If": ["CreateStack", {"Fn::Sub": ',"${FirehoseLogGroup}","${DomainLogGroup}"'}, ""]}
    assert "${Function.Arn}" in p["PolicyDocument"]["Fn::Sub"]


def test_central_mode_reads_an_encrypted_stream_behind_a_destination_and_parks_failures():
    for name in ["CentralStream", "DestinationRole", "CentralDestination", "CentralMapping", "StreamBehindAlarm"]:
        assert RESOURCES[name]["Condition"] == "Central", name
    stream = RESOURCES["CentralStream"]["Properties"]
    assert stream["StreamEncryption"]["EncryptionType"] == "KMS"
    mapping = RESOURCES["CentralMapping"]["Properties"]
    assert mapping["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert mapping["BisectBatchOnFunctionError"] is True
    assert mapping["MaximumRetryAttempts"] == 10 and mapping["MaximumRecordAgeInSeconds"] == 21600
    assert mapping["DestinationConfig"]["OnFailure"]["Destination"] == {"Fn::GetAtt": ["FailureQueue", "Arn"]}
    (st,) = RESOURCES["DestinationRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"]
    assert (st["Action"], st["Resource"]) == ("kinesis:PutRecord", {"Fn::GetAtt": ["CentralStream", "Arn"]})


def test_alarms_watch_every_way_a_log_can_be_lost():
    alarms = {(a["Properties"]["Namespace"], a["Properties"]["MetricName"]) for a in resources("AWS::CloudWatch::Alarm").values()}
    assert alarms == {
        ("AWS/SQS", "ApproximateNumberOfMessagesVisible"),
        ("AWS/Lambda", "Errors"),
        ("AWS/Lambda", "DestinationDeliveryFailures"),
        ("LogsToFirehose", "Failed"),
        ("AWS/Lambda", "IteratorAge"),
        # Log storms: the cap reached for 15 minutes, and the queue behind.
        ("AWS/Lambda", "Throttles"),
        ("AWS/Lambda", "AsyncEventAge"),
    }
    for a in resources("AWS::CloudWatch::Alarm").values():
        assert a["Properties"]["AlarmActions"] == {"Fn::If": ["HasAlarmEmail", [{"Ref": "AlarmTopic"}], {"Ref": "AWS::NoValue"}]}
    assert RESOURCES["AlarmTopic"]["Condition"] == "HasAlarmEmail"


def test_the_log_group_formats_example_in_the_template_is_accepted_by_the_function():
    """The example users copy from the parameter's description must start
    the function and parse a line of its group (the release binary, which
    .ci/run builds before these tests)."""
    import base64
    import gzip
    import json
    import os
    import re
    import subprocess

    root = Path(__file__).resolve().parents[2]
    binary = root / "target" / "release" / "logs-to-firehose"
    if not binary.exists():
        pytest.skip("build the release binary first (cargo build --release)")
    described = TEMPLATE["Parameters"]["LogGroupFormats"]["Description"]
    example = re.search(r"(\[\{.*\}\])", described).group(1)
    line = "[2024-05-11 14:44:44 +0000] [7] [INFO] Booting worker"
    payload = {
        "messageType": "DATA_MESSAGE", "owner": "1", "logGroup": "/ecs/orders-api", "logStream": "s",
        "subscriptionFilters": [], "logEvents": [{"id": "1", "timestamp": 0, "message": line}],
    }
    event = json.dumps({"awslogs": {"data": base64.b64encode(gzip.compress(json.dumps(payload).encode())).decode()}})
    env = {"PATH": os.environ.get("PATH", ""), "LOG_GROUP_FORMATS": example}
    out = subprocess.run([binary, "invoke", "-"], input=event, env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert (doc["process"], doc["levelname"], doc["message"]) == (7, "INFO", "Booting worker")


def test_the_backup_bucket_refuses_every_request_without_tls():
    policy = resources("AWS::S3::BucketPolicy")["BackupBucketPolicy"]["Properties"]["PolicyDocument"]
    tls = [st for st in policy["Statement"] if st.get("Sid") == "TlsOnly"][0]
    assert tls["Effect"] == "Deny" and tls["Action"] == "s3:*"
    assert tls["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}


def test_the_failure_queue_outlives_the_stack():
    queue = RESOURCES["FailureQueue"]
    assert queue["DeletionPolicy"] == "Retain" and queue["UpdateReplacePolicy"] == "Retain"


def test_subscription_filter_names_are_unique_to_the_stack():
    for body in RESOURCES["Fn::ForEach::Subscriptions"][2].values():
        assert body["Properties"]["FilterName"] == {"Fn::Sub": "${AWS::StackName}-logs-to-firehose"}


def test_the_optional_redrive_schedule_may_only_touch_the_error_and_redriven_prefixes():
    assert TEMPLATE["Parameters"]["RedriveSchedule"]["Default"] == ""
    rule = RESOURCES["RedriveRule"]
    assert rule["Condition"] == "ScheduledRedrive"
    (target,) = rule["Properties"]["Targets"]
    assert target["Input"]["Fn::Sub"] == '{"logsToFirehoseRedrive":{"bucket":"${BackupBucket}","prefix":"errors/"}}'
    perm = RESOURCES["RedriveInvokePermission"]["Properties"]
    assert (perm["Principal"], perm["SourceArn"]) == ("events.amazonaws.com", {"Fn::GetAtt": ["RedriveRule", "Arn"]})
    sts = {st["Sid"]: st for each in RESOURCES["FunctionRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"] for st in branches(each)}
    assert sts["RedriveListsFailedDocuments"]["Condition"] == {"StringLike": {"s3:prefix": "errors/*"}}
    assert sts["RedriveReadsAndMovesThem"]["Resource"] == {"Fn::Sub": "${BackupBucket.Arn}/errors/*"}
    assert sts["RedriveKeepsThemUnderRedriven"]["Resource"] == {"Fn::Sub": "${BackupBucket.Arn}/redriven/*"}
