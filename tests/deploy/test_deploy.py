"""template.yaml and member.yaml deployed, in every mode, as a user would.

    .venv/bin/pytest tests/deploy -q

The template is translated as CloudFormation would: `Fn::ForEach` expanded
as AWS::LanguageExtensions documents it (`expand_foreach` below; SAM CLI's
local processor, samcli.lib.cfn_language_extensions 1.170, drops the
`Fn::Sub` around any reference it can't resolve locally, leaving a literal
`${Function.Arn}`, so it can't stand in for CloudFormation's), then the
Serverless transform with SAM's own samtranslator. moto's CloudFormation
deploys the result on loopback.
Each mode is deployed twice side by side, then deleted and deployed again.

moto does not model every resource type. Those it skips are checked
instead against botocore's service model of the API CloudFormation would
call (required members present, no unknown member, enums, lengths and
patterns), with their intrinsic functions resolved against what moto did
create. What moto could not check, then, is only AWS's own behaviour for
those types: that CloudWatch Logs accepts the subscription filters, the
account policy and the destination, that Firehose and OpenSearch come up,
and that the alarms fire; `MOTO_SKIPS` below lists the types, and a test
keeps that list true.
"""

import ast
import copy
import json
import os
import re
import urllib.parse
import warnings
from pathlib import Path

import boto3
import botocore.exceptions
import botocore.parsers
import botocore.session
import pytest
from moto.moto_server.threaded_moto_server import ThreadedMotoServer
from samtranslator.translator.transform import transform as sam_transform
from samtranslator.yaml_helper import yaml_parse

ROOT = Path(__file__).resolve().parents[2]
REGION = "us-east-1"
ACCOUNT = "123456789012"
# samtranslator reads the region from the environment; nothing here may
# reach a real AWS account.
for var, value in [("AWS_DEFAULT_REGION", REGION), ("AWS_ACCESS_KEY_ID", "test"), ("AWS_SECRET_ACCESS_KEY", "test")]:
    os.environ.setdefault(var, value)

# Resource types moto's CloudFormation skips, each with the API whose model
# its properties are checked against, and the members CloudFormation
# generates when the template leaves them out.
MOTO_SKIPS = {
    "AWS::Logs::SubscriptionFilter": ("logs", "PutSubscriptionFilter", {"filterName"}),
    "AWS::Logs::AccountPolicy": ("logs", "PutAccountPolicy", set()),
    "AWS::Logs::Destination": ("logs", "PutDestination", set()),
    "AWS::Logs::LogStream": ("logs", "CreateLogStream", set()),
    "AWS::KinesisFirehose::DeliveryStream": ("firehose", "CreateDeliveryStream", {"DeliveryStreamName"}),
    "AWS::OpenSearchService::Domain": ("opensearch", "CreateDomain", {"DomainName"}),
    "AWS::S3::BucketPolicy": ("s3", "PutBucketPolicy", set()),
    "AWS::CloudWatch::Alarm": ("cloudwatch", "PutMetricAlarm", {"AlarmName"}),
    "AWS::Lambda::EventInvokeConfig": ("lambda", "PutFunctionEventInvokeConfig", set()),
    "AWS::SecretsManager::Secret": ("secretsmanager", "CreateSecret", {"Name"}),
}

# CloudFormation property -> API member, where the names differ, and
# properties that are a JSON document in the API but an object here.
RENAMED = {("AWS::S3::BucketPolicy", "PolicyDocument"): "Policy"}
JSON_IN_API = {("AWS::S3::BucketPolicy", "PolicyDocument"), ("AWS::OpenSearchService::Domain", "AccessPolicies")}
# Checked on their own: the destination's policy is a second call
# (PutDestinationPolicy).
SEPARATE = {("AWS::Logs::Destination", "DestinationPolicy"), ("AWS::SecretsManager::Secret", "GenerateSecretString")}

MODES = {
    "per-group": {"Mode": "subscription", "LogGroupNames": "/ecs/orders,/ecs-orders,/aws/lambda/api", "DeliveryStreamName": "logs"},
    "account-policy": {"Mode": "account-policy", "DeliveryStreamName": "logs", "ExcludeLogGroupNames": "/noisy/one,/noisy/two"},
    "central": {"Mode": "central", "DeliveryStreamName": "logs", "MemberAccountIds": "111111111111,222222222222", "AlarmEmail": "sre@example.com"},
    "central-organization": {"Mode": "central", "DeliveryStreamName": "logs", "OrganizationId": "o-abcdefghij"},
    "processor": {"Mode": "firehose-processor", "LogGroupNames": "/ecs/orders"},
    "full-stack": {"Mode": "account-policy", "CreateDeliveryStream": "true", "RedriveSchedule": "rate(1 day)"},
    # The direct path: to an existing domain, and to the stack's own.
    "direct-existing": {
        "Mode": "subscription",
        "LogGroupNames": "/ecs/orders",
        "Destination": "opensearch",
        "OpenSearchEndpoint": "search-logs-abc123.us-east-1.es.amazonaws.com",
        "OpenSearchDomainName": "logs",
    },
    "direct-full-stack": {"Mode": "account-policy", "CreateDeliveryStream": "true", "Destination": "opensearch", "RedriveSchedule": "rate(1 day)"},
    # Everything a security review may ask for: the stack's own key, VPC
    # placement, access logs, and a cap of its own.
    "hardened": {
        "Mode": "account-policy",
        "CreateDeliveryStream": "true",
        "KmsKeyArn": "create",
        "SubnetIds": "subnet-0a1b2c3d,subnet-4e5f6a7b",
        "SecurityGroupIds": "sg-0123456789abcdef0",
        "AccessLogBucket": "org-access-logs",
        "ReservedConcurrency": "20",
        "RedriveSchedule": "rate(1 day)",
    },
    # A given key, and no cap at all (0 must mean unreserved, never 0).
    "own-key-unreserved": {
        "Mode": "subscription",
        "LogGroupNames": "/ecs/orders",
        "DeliveryStreamName": "logs",
        "KmsKeyArn": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "ReservedConcurrency": "0",
    },
}


@pytest.fixture(scope="module")
def moto():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    session = boto3.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name=REGION)
    clients = {name: session.client(name, endpoint_url=endpoint) for name in
               ["cloudformation", "s3", "lambda", "iam", "sqs", "kinesis", "logs", "sns", "secretsmanager"]}
    clients["s3"].create_bucket(Bucket="code")
    clients["s3"].put_object(Bucket="code", Key="bootstrap.zip", Body=b"PK\x05\x06" + b"\0" * 18)
    yield clients
    server.stop()


def parameters(template, overrides):
    values = {k: str(v.get("Default", "")) for k, v in template["Parameters"].items()}
    values.update(overrides)
    return values


def substitute(value, ident, item):
    """`value` with the loop's identifier replaced: `${X}` and `&{X}` in
    every string, and `{"Ref": X}`."""
    if isinstance(value, str):
        alnum = re.sub(r"[^A-Za-z0-9]", "", item)
        return value.replace("${" + ident + "}", item).replace("&{" + ident + "}", alnum)
    if isinstance(value, list):
        return [substitute(v, ident, item) for v in value]
    if isinstance(value, dict):
        if value == {"Ref": ident}:
            return item
        return {substitute(k, ident, item): substitute(v, ident, item) for k, v in value.items()}
    return value


def expand_foreach(template, values):
    """Fn::ForEach in Conditions, Resources and Outputs, as documented in
    https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-foreach.html"""
    for section in ("Conditions", "Resources", "Outputs"):
        body = template.get(section, {})
        for key in [k for k in body if k.startswith("Fn::ForEach::")]:
            ident, collection, fragment = body.pop(key)
            if isinstance(collection, dict):
                collection = values[collection["Ref"]].split(",")
            for item in collection:
                for k, v in substitute(fragment, ident, item).items():
                    assert k not in body, f"Fn::ForEach made {k} twice"
                    body[k] = v
    template["Transform"] = [t for t in template["Transform"] if t != "AWS::LanguageExtensions"]
    return template


def translate(path, stack, overrides):
    """The template as CloudFormation would run it: language extensions
    expanded, then the Serverless transform."""
    template = yaml_parse(path.read_text())
    values = parameters(template, overrides)
    if "Transform" not in template:
        return template, values
    expanded = expand_foreach(template, values)
    fn = expanded["Resources"].get("Function")
    if fn:
        fn["Properties"]["CodeUri"] = "s3://code/bootstrap.zip"

    class NoManagedPolicies:
        def load(self):
            return {}

    return sam_transform(expanded, values, NoManagedPolicies()), values


def mentions(value, names):
    """Whether a value refers to any of the logical ids `names`."""
    if isinstance(value, dict):
        if "Fn::GetAtt" in value:
            target = value["Fn::GetAtt"]
            return (target.split(".")[0] if isinstance(target, str) else target[0]) in names
        if "Fn::Sub" in value:
            text = value["Fn::Sub"] if isinstance(value["Fn::Sub"], str) else value["Fn::Sub"][0]
            return any("${" + n + "." in text for n in names) or mentions(value["Fn::Sub"], names)
        return any(mentions(v, names) for v in value.values())
    if isinstance(value, list):
        return any(mentions(v, names) for v in value)
    return False


def skipped_arn(kind, logical):
    """The ARN that stands for a resource moto skipped, in its type's own
    ARN format, so the model's patterns check what refers to it."""
    name = f"skipped-{logical.lower()}"[:28]
    formats = {
        "AWS::OpenSearchService::Domain": f"arn:aws:es:{REGION}:{ACCOUNT}:domain/{name}",
        "AWS::KinesisFirehose::DeliveryStream": f"arn:aws:firehose:{REGION}:{ACCOUNT}:deliverystream/{name}",
        "AWS::Logs::Destination": f"arn:aws:logs:{REGION}:{ACCOUNT}:destination:{name}",
    }
    service = kind.split("::")[1].lower()
    return formats.get(kind, f"arn:aws:{service}:{REGION}:{ACCOUNT}:{name}")


def skipped_endpoint(logical):
    """The endpoint that stands for a skipped domain's `DomainEndpoint`, as
    `Deployed.attr` resolves it."""
    return f"search-{logical.lower()}.{REGION}.es.amazonaws.com"


def placeholders(value, skipped):
    """`value` with every attribute of a skipped resource replaced by its
    placeholder (an ARN, or a domain's endpoint), since moto can't resolve
    them."""
    if isinstance(value, list):
        return [placeholders(v, skipped) for v in value]
    if not isinstance(value, dict):
        return value
    if "Fn::GetAtt" in value:
        target = value["Fn::GetAtt"]
        logical, attribute = target.split(".", 1) if isinstance(target, str) else target
        if logical in skipped:
            if attribute == "DomainEndpoint":
                return skipped_endpoint(logical)
            return skipped_arn(skipped[logical], logical)
    if "Fn::Sub" in value:
        args = value["Fn::Sub"]
        text = args if isinstance(args, str) else args[0]
        for logical, kind in skipped.items():
            text = text.replace("${" + logical + ".Arn}", skipped_arn(kind, logical))
            text = text.replace("${" + logical + ".DomainEndpoint}", skipped_endpoint(logical))
        return {"Fn::Sub": text if isinstance(args, str) else [text, placeholders(args[1], skipped)]}
    return {k: placeholders(v, skipped) for k, v in value.items()}


def for_moto(template):
    """What moto can deploy: attributes of the types it skips replaced by
    placeholder ARNs (the checks resolve them the same way), and no output
    reading one."""
    skipped = {n: r["Type"] for n, r in template["Resources"].items() if r["Type"] in MOTO_SKIPS}
    template = copy.deepcopy(template)
    # moto would run a custom resource's Lambda, which needs Docker; the
    # set-up is tested end to end against a real node instead
    # (tests/e2e), and its properties are checked here.
    for name in [n for n, r in template["Resources"].items() if r["Type"].startswith("Custom::")]:
        del template["Resources"][name]
    outputs = template.get("Outputs", {})
    for name in [n for n, o in outputs.items() if mentions(o["Value"], set(skipped))]:
        del outputs[name]
    template["Resources"] = placeholders(template["Resources"], skipped)
    return template


def rule_truth(d, c):
    """A Rules assertion, as CloudFormation evaluates it (moto skips Rules)."""
    (fn, args), = c.items()
    if fn == "Fn::And":
        return all(rule_truth(d, a) for a in args)
    if fn == "Fn::Or":
        return any(rule_truth(d, a) for a in args)
    if fn == "Fn::Not":
        return not rule_truth(d, args[0])
    if fn == "Fn::Equals":
        return d.resolve(args[0]) == d.resolve(args[1])
    if fn == "Fn::Contains":
        return d.resolve(args[1]) in d.resolve(args[0])
    if fn == "Fn::EachMemberEquals":
        return all(v == d.resolve(args[1]) for v in d.resolve(args[0]))
    raise AssertionError(f"rule function {fn}")


def broken_rules(template, values, stack="rules"):
    """The Rules whose assertions fail for these parameter values."""
    d = Deployed.__new__(Deployed)
    d.template, d.values, d.stack, d.physical, d.conditions, d.moto = template, values, stack, {}, {}, None
    broken = []
    for name, rule in template.get("Rules", {}).items():
        if "RuleCondition" in rule and not rule_truth(d, rule["RuleCondition"]):
            continue
        if not all(rule_truth(d, a["Assert"]) for a in rule["Assertions"]):
            broken.append(name)
    return broken


def deploy(moto, path, stack, overrides):
    cfn = moto["cloudformation"]
    template, values = translate(path, stack, overrides)
    assert not broken_rules(template, values), f"CloudFormation would refuse {stack}: {broken_rules(template, values)}"
    given = {p for p in template.get("Parameters", {})}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cfn.create_stack(
            StackName=stack,
            TemplateBody=json.dumps(for_moto(template)),
            Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in values.items() if k in given],
            Capabilities=["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"],
        )
    status = cfn.describe_stacks(StackName=stack)["Stacks"][0]["StackStatus"]
    events = [e.get("ResourceStatusReason") for e in cfn.describe_stack_events(StackName=stack)["StackEvents"] if "FAILED" in e["ResourceStatus"]]
    assert status == "CREATE_COMPLETE", f"{stack}: {status} {events}"
    return Deployed(moto, stack, template, values)


class Deployed:
    """A deployed stack: its template, the conditions as CloudFormation
    evaluated them, and intrinsic functions resolved against what moto
    created (or a placeholder ARN naming the skipped resource)."""

    def __init__(self, moto, stack, template, values):
        self.moto, self.stack, self.template, self.values = moto, stack, template, values
        listed = moto["cloudformation"].list_stack_resources(StackName=stack)["StackResourceSummaries"]
        self.physical = {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in listed if r.get("LogicalResourceId")}
        self.conditions = {}
        for name, r in self.created():
            if r["Type"] == "AWS::SecretsManager::Secret":
                self.generate_secret(name, self.resolve(r["Properties"]))

    def generate_secret(self, logical, props):
        """What CloudFormation does for a secret moto skips: a password by
        the template's rules (GetRandomPassword's model checks them), put
        into the template's JSON under its key."""
        sm = self.moto["secretsmanager"]
        spec = dict(props["GenerateSecretString"])
        template, key = json.loads(spec.pop("SecretStringTemplate")), spec.pop("GenerateStringKey")
        shape = MODELS.get_service_model("secretsmanager").operation_model("GetRandomPassword").input_shape
        problems = check_shape(shape, spec, f"{logical}.GenerateSecretString")
        assert not problems, problems
        template[key] = sm.get_random_password(**spec)["RandomPassword"]
        try:
            sm.create_secret(Name=self.ref(logical), SecretString=json.dumps(template))
        except sm.exceptions.ResourceExistsException:
            pass  # a stack deployed again under the same name

    def condition(self, name):
        if name not in self.conditions:
            self.conditions[name] = self.truth(self.template["Conditions"][name])
        return self.conditions[name]

    def truth(self, c):
        if isinstance(c, bool):
            return c
        (fn, args), = c.items()
        if fn == "Condition":
            return self.condition(args)
        if fn == "Fn::And":
            return all(self.truth(a) for a in args)
        if fn == "Fn::Or":
            return any(self.truth(a) for a in args)
        if fn == "Fn::Not":
            return not self.truth(args[0])
        if fn == "Fn::Equals":
            return str(self.resolve(args[0])) == str(self.resolve(args[1]))
        raise AssertionError(f"condition function {fn}")

    def created(self):
        for name, r in self.template["Resources"].items():
            if "Condition" not in r or self.condition(r["Condition"]):
                yield name, r

    def arn(self, logical):
        kind = self.template["Resources"][logical]["Type"]
        phys = self.physical.get(logical)
        if kind == "AWS::Lambda::Function":
            return self.moto["lambda"].get_function(FunctionName=phys)["Configuration"]["FunctionArn"]
        if kind == "AWS::IAM::Role":
            return self.moto["iam"].get_role(RoleName=phys)["Role"]["Arn"]
        if kind == "AWS::SQS::Queue":
            return self.moto["sqs"].get_queue_attributes(QueueUrl=phys, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        if kind == "AWS::Kinesis::Stream":
            return self.moto["kinesis"].describe_stream_summary(StreamName=phys)["StreamDescriptionSummary"]["StreamARN"]
        if kind == "AWS::Logs::LogGroup":
            return f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:{phys}:*"
        if kind == "AWS::S3::Bucket":
            return f"arn:aws:s3:::{phys}"
        if kind == "AWS::KMS::Key":
            # Built, not asked: moto 5.2.5 keeps a CloudFormation key's policy
            # as an object, and its own DescribeKey then fails on it.
            return f"arn:aws:kms:{REGION}:{ACCOUNT}:key/{phys}"
        return skipped_arn(kind, logical)

    def attr(self, logical, attribute):
        if attribute == "Arn":
            return self.arn(logical)
        if attribute == "QueueName":
            return self.physical[logical].rsplit("/", 1)[-1]
        if attribute == "DomainEndpoint":
            return skipped_endpoint(logical)
        raise AssertionError(f"GetAtt {logical}.{attribute}")

    def ref(self, name):
        pseudo = {"AWS::Region": REGION, "AWS::AccountId": ACCOUNT, "AWS::StackName": self.stack, "AWS::Partition": "aws"}
        if name in pseudo:
            return pseudo[name]
        if name in self.values:
            kind = self.template.get("Parameters", {}).get(name, {}).get("Type")
            return self.values[name].split(",") if kind == "CommaDelimitedList" else self.values[name]
        return self.physical.get(name, f"skipped-{self.stack}-{name}")

    def dynamic(self, text):
        """Secrets Manager dynamic references, resolved as CloudFormation
        does before calling the API: from the secret moto made."""

        def lookup(m):
            secret = self.moto["secretsmanager"].get_secret_value(SecretId=m.group(1))["SecretString"]
            return json.loads(secret)[m.group(2)]

        return re.sub(r"\{\{resolve:secretsmanager:(.+?):SecretString:(\w+)\}\}", lookup, text)

    def resolve(self, v):
        if isinstance(v, str) and "{{resolve:" in v and self.moto:
            return self.dynamic(v)
        if isinstance(v, list):
            return [x for x in (self.resolve(x) for x in v) if x is not NOVALUE]
        if not isinstance(v, dict):
            return v
        if len(v) == 1:
            (fn, args), = v.items()
            if fn == "Ref":
                return NOVALUE if args == "AWS::NoValue" else self.ref(args)
            if fn == "Fn::GetAtt":
                return self.attr(*(args.split(".", 1) if isinstance(args, str) else args))
            if fn == "Fn::If":
                return self.resolve(args[1] if self.condition(args[0]) else args[2])
            if fn == "Fn::Join":
                return args[0].join(str(x) for x in self.resolve(args[1]))
            if fn == "Fn::Split":
                return str(self.resolve(args[1])).split(args[0])
            if fn == "Fn::Select":
                return self.resolve(args[1])[int(self.resolve(args[0]))]
            if fn == "Fn::Sub":
                text, local = (args, {}) if isinstance(args, str) else (args[0], self.resolve(args[1]))

                def sub(m):
                    name = m.group(1)
                    if name in local:
                        return str(local[name])
                    if "." in name:
                        return str(self.attr(*name.split(".", 1)))
                    return str(self.ref(name))

                return self.resolve(re.sub(r"\$\{([^}!]+)\}", sub, text))
        out = {}
        for k, x in v.items():
            r = self.resolve(x)
            if r is not NOVALUE:
                out[k] = r
        return out


NOVALUE = object()

# moto warns once per skipped resource; MOTO_SKIPS already names them.
pytestmark = pytest.mark.filterwarnings("ignore:Tried to parse")


# ----------------------------------------------------- botocore's models
MODELS = botocore.session.get_session()


def check_shape(shape, value, where, generated=frozenset()):
    """Problems with `value` as an instance of botocore `shape`."""
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(value, dict):
            return [f"{where}: expected an object, got {value!r}"]
        members = {m.lower(): m for m in shape.members}
        problems = []
        for key, v in value.items():
            member = members.get(key.lower())
            if member is None:
                problems.append(f"{where}.{key}: no such member of {shape.name}")
            else:
                problems += check_shape(shape.members[member], v, f"{where}.{key}")
        given = {k.lower() for k in value}
        for req in shape.required_members:
            if req.lower() not in given and req not in generated:
                problems.append(f"{where}: required {req} missing")
        return problems
    if kind == "list":
        if not isinstance(value, list):
            return [f"{where}: expected a list, got {value!r}"]
        problems = []
        if "min" in shape.metadata and len(value) < shape.metadata["min"]:
            problems.append(f"{where}: fewer than {shape.metadata['min']} items")
        for i, v in enumerate(value):
            problems += check_shape(shape.member, v, f"{where}[{i}]")
        return problems
    if kind == "map":
        return [] if isinstance(value, dict) else [f"{where}: expected a map"]
    if kind in ("integer", "long", "double", "float"):
        try:
            n = float(value)
        except (TypeError, ValueError):
            return [f"{where}: {value!r} is not a number"]
        lo, hi = shape.metadata.get("min"), shape.metadata.get("max")
        if (lo is not None and n < lo) or (hi is not None and n > hi):
            return [f"{where}: {value} outside [{lo}, {hi}]"]
        return []
    if kind == "boolean":
        return [] if value in (True, False, "true", "false") else [f"{where}: {value!r} is not a boolean"]
    if kind == "string":
        if not isinstance(value, str):
            return [f"{where}: {value!r} is not a string"]
        problems = []
        if shape.enum and value not in shape.enum:
            problems.append(f"{where}: {value!r} not one of {shape.enum}")
        lo, hi = shape.metadata.get("min"), shape.metadata.get("max")
        if (lo is not None and len(value) < lo) or (hi is not None and len(value) > hi):
            problems.append(f"{where}: length {len(value)} outside [{lo}, {hi}]")
        pattern = shape.metadata.get("pattern")
        if pattern:
            try:
                ok = re.fullmatch(pattern, value) is not None
            except re.error:
                ok = True  # a Java-only regex; the other checks still apply
            if not ok:
                problems.append(f"{where}: {value!r} does not match {pattern}")
        return problems
    return []


def api_check(kind, logical, props):
    service, operation, generated = MOTO_SKIPS[kind]
    shape = MODELS.get_service_model(service).operation_model(operation).input_shape
    request = {}
    for key, value in props.items():
        if (kind, key) in SEPARATE:
            continue
        if (kind, key) in JSON_IN_API:
            value = json.dumps(value)
        request[RENAMED.get((kind, key), key)] = value
    return check_shape(shape, request, logical, generated)


def check_skipped(d):
    """Every created resource moto skipped, against its API's model."""
    problems, seen = [], set()
    for logical, r in d.created():
        if r["Type"] in MOTO_SKIPS:
            seen.add(r["Type"])
            problems += api_check(r["Type"], logical, d.resolve(r.get("Properties", {})))
    assert not problems, "\n".join(problems)
    return seen


# ------------------------------------------------------------------ tests
@pytest.mark.parametrize("mode", MODES)
def test_two_stacks_of_each_mode_deploy_side_by_side_and_a_deleted_one_deploys_again(moto, mode):
    first = deploy(moto, ROOT / "template.yaml", f"{mode}-a", MODES[mode])
    second = deploy(moto, ROOT / "template.yaml", f"{mode}-b", MODES[mode])
    for d in (first, second):
        check_skipped(d)
        check_wiring(d)
    assert first.physical["FunctionLogGroup"] != second.physical["FunctionLogGroup"]
    moto["cloudformation"].delete_stack(StackName=f"{mode}-a")
    again = deploy(moto, ROOT / "template.yaml", f"{mode}-a", MODES[mode])
    check_wiring(again)


def check_wiring(d):
    """What each mode must have wired, read back from moto."""
    created = dict(d.created())
    fn_arn = d.arn("Function")
    role = d.moto["iam"].get_role(RoleName=d.physical["FunctionRole"])["Role"]
    fn = d.moto["lambda"].get_function(FunctionName=d.physical["Function"])["Configuration"]
    assert fn["Role"] == role["Arn"]
    # moto's Lambda doesn't keep the architecture; the template it ran does.
    assert d.template["Resources"]["Function"]["Properties"]["Architectures"] == ["arm64"]
    mode = d.values["Mode"]
    if mode in ("subscription", "account-policy"):
        policy = json.loads(d.moto["lambda"].get_policy(FunctionName=d.physical["Function"])["Policy"])
        (st,) = [st for st in policy["Statement"] if st["Principal"] == {"Service": "logs.amazonaws.com"}]
        assert st["Condition"]["ArnLike"]["AWS:SourceArn"] == f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:*"
    else:
        assert "LogsInvokePermission" not in created
    if mode == "subscription":
        groups = sorted(d.resolve(r["Properties"])["LogGroupName"] for n, r in created.items() if n.startswith("Subscription"))
        assert groups == sorted(d.values["LogGroupNames"].split(","))
        for n, r in created.items():
            if n.startswith("Subscription"):
                props = d.resolve(r["Properties"])
                assert props["DestinationArn"] == fn_arn
                assert props["FilterName"] == f"{d.stack}-logs-to-firehose"
    if mode == "account-policy":
        props = d.resolve(created["AccountSubscription"]["Properties"])
        document = json.loads(props["PolicyDocument"])
        assert document["DestinationArn"] == fn_arn
        excluded = json.loads(props["SelectionCriteria"].removeprefix("LogGroupName NOT IN "))
        own = d.physical["FunctionLogGroup"]
        assert excluded[0] == own, "the function's own group is never subscribed"
        assert set(d.values["ExcludeLogGroupNames"].split(",")) - {""} <= set(excluded)
        if d.values["CreateDeliveryStream"] == "true":
            assert d.physical["FirehoseLogGroup"] in excluded
    if d.values["CreateDeliveryStream"] == "true":
        check_setup(d, created, fn_arn)
        check_redrive_schedule(d, created, fn_arn)
    check_destination(d, created, fn)
    if mode == "central":
        check_central(d, created, fn_arn)
    if mode == "firehose-processor":
        reingest = d.resolve(created["ProcessorReingest"]["Properties"])
        assert reingest["PolicyDocument"]["Statement"][0]["Resource"] == d.arn("ProcessorStream")
        (sub,) = [d.resolve(r["Properties"]) for n, r in created.items() if n.startswith("ProcessorSubscription")]
        assert sub["DestinationArn"] == d.arn("ProcessorStream")
        assert sub["RoleArn"] == d.arn("LogsToFirehoseRole")
    check_storm_limits(d, created, fn)
    check_key(d, created, fn)
    check_hardening(d, created)
    alarms = [n for n, r in created.items() if r["Type"] == "AWS::CloudWatch::Alarm"]
    assert len(alarms) == (7 if mode == "central" else 6)
    for n in alarms:
        props = d.resolve(created[n]["Properties"])
        assert ("AlarmActions" in props) == (d.values["AlarmEmail"] != "")


def check_storm_limits(d, created, fn):
    """The cap, the asynchronous queue's limits and the alarms on both,
    as deployed."""
    name = d.physical["Function"]
    cap = d.values["ReservedConcurrency"]
    reserved = d.moto["lambda"].get_function_concurrency(FunctionName=name).get("ReservedConcurrentExecutions")
    assert reserved == (None if cap in ("", "0") else int(cap)), "0 or empty: unreserved, never a reserved 0"
    (config,) = [d.resolve(r["Properties"]) for r in created.values() if r["Type"] == "AWS::Lambda::EventInvokeConfig"]
    assert config["FunctionName"] == name
    assert (config["MaximumRetryAttempts"], config["MaximumEventAgeInSeconds"]) == (2, 21600)
    assert config["DestinationConfig"]["OnFailure"]["Destination"] == d.arn("FailureQueue"), "what expires lands in the queue"
    alarms = {d.resolve(r["Properties"])["MetricName"]: d.resolve(r["Properties"]) for r in created.values() if r["Type"] == "AWS::CloudWatch::Alarm"}
    for metric in ("Throttles", "AsyncEventAge"):
        assert alarms[metric]["Dimensions"] == [{"Name": "FunctionName", "Value": name}], metric
    assert (alarms["Throttles"]["EvaluationPeriods"], alarms["Throttles"]["Period"]) == (3, 300), "15 minutes at the cap"
    assert alarms["AsyncEventAge"]["Threshold"] == 3600000, "an hour behind, of the 6 it may wait"


def check_key(d, created, fn):
    """KmsKeyArn: every store of log data uses that key, the function may
    use it and nothing else; without it, nothing names a key."""
    given = d.values["KmsKeyArn"]
    stores = {"FunctionLogGroup": "KmsKeyId", "FailureQueue": "KmsMasterKeyId", "Function": "KmsKeyArn"}
    if d.values["CreateDeliveryStream"] == "true":
        stores.update(FirehoseLogGroup="KmsKeyId", DomainLogGroup="KmsKeyId", MasterUserSecret="KmsKeyId")
    props = {n: d.resolve(created[n]["Properties"]) for n in stores}
    statements = function_policy(d)
    if not given:
        assert all(p not in props[n] for n, p in stores.items())
        assert "UseTheStacksKey" not in statements and "Key" not in created
        assert props["FailureQueue"]["SqsManagedSseEnabled"] is True
        return
    key = d.arn("Key") if given == "create" else given
    for n, p in stores.items():
        assert props[n][p] == key, n
    assert "SqsManagedSseEnabled" not in props["FailureQueue"]
    assert statements["UseTheStacksKey"]["Resource"] == key
    if given == "create":
        policy = d.resolve(created["Key"]["Properties"])["KeyPolicy"]
        logs = [st for st in policy["Statement"] if "Service" in st["Principal"]]
        assert logs[0]["Principal"] == {"Service": f"logs.{REGION}.amazonaws.com"}
        assert logs[0]["Condition"]["ArnLike"]["kms:EncryptionContext:aws:logs:arn"] == f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:*"


def check_hardening(d, created):
    """SubnetIds and AccessLogBucket, where given."""
    if d.values["SubnetIds"]:
        vpc = d.resolve(created["Function"]["Properties"])["VpcConfig"]
        assert vpc == {"SubnetIds": d.values["SubnetIds"].split(","), "SecurityGroupIds": d.values["SecurityGroupIds"].split(",")}
        # moto doesn't attach AWS's managed policies; what it was given:
        role = d.resolve(created["FunctionRole"]["Properties"])
        assert role["ManagedPolicyArns"] == ["arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"]
    else:
        assert "VpcConfig" not in d.resolve(created["Function"]["Properties"])
    if d.values["AccessLogBucket"]:
        logging = d.resolve(created["BackupBucket"]["Properties"])["LoggingConfiguration"]
        assert logging == {"DestinationBucketName": d.values["AccessLogBucket"], "LogFilePrefix": f"{d.stack}/"}


SETUP_PROPERTIES = {"ServiceToken", "DomainEndpoint", "IndexName", "FirehoseRoleArn", "MasterUserSecretArn", "Schema", "AuditLogs"}


def check_setup(d, created, fn_arn):
    """The post-deploy set-up is served by this function, for this domain,
    with the secret the domain's master user comes from."""
    props = d.resolve(created["OpenSearchSetup"]["Properties"])
    assert set(props) == SETUP_PROPERTIES, "what src/setup reads (Properties)"
    assert props["ServiceToken"] == fn_arn
    assert props["DomainEndpoint"] == d.attr("Domain", "DomainEndpoint")
    writer = "FunctionRole" if d.values.get("Destination") == "opensearch" else "FirehoseRole"
    assert props["FirehoseRoleArn"] == d.arn(writer), "the role that writes is mapped"
    secret = d.ref("MasterUserSecret")
    assert props["MasterUserSecretArn"] == secret
    options = d.resolve(created["Domain"]["Properties"])["AdvancedSecurityOptions"]["MasterUserOptions"]
    stored = json.loads(d.moto["secretsmanager"].get_secret_value(SecretId=secret)["SecretString"])
    assert (options["MasterUserName"], options["MasterUserPassword"]) == (stored["username"], stored["password"])
    assert len(stored["password"]) == 32
    role = d.moto["iam"].get_role(RoleName=d.physical["FunctionRole"])["Role"]["RoleName"]
    policy = d.moto["iam"].get_role_policy(RoleName=role, PolicyName="least-privilege")["PolicyDocument"]
    if isinstance(policy, str):
        # moto keeps an inline policy made by CloudFormation as Python's
        # repr of it.
        policy = ast.literal_eval(urllib.parse.unquote(policy))
    assert [st for st in policy["Statement"] if isinstance(st, dict) and st.get("Sid") == "SetupReadsTheMasterUser"]


def function_policy(d):
    role = d.moto["iam"].get_role(RoleName=d.physical["FunctionRole"])["Role"]["RoleName"]
    policy = d.moto["iam"].get_role_policy(RoleName=role, PolicyName="least-privilege")["PolicyDocument"]
    if isinstance(policy, str):
        policy = ast.literal_eval(urllib.parse.unquote(policy))
    return {st["Sid"]: st for st in policy["Statement"] if isinstance(st, dict) and "Sid" in st}


def check_destination(d, created, fn):
    """Firehose, or the direct path: the function's settings and rights
    name exactly one destination, and the direct path creates no stream."""
    env = fn["Environment"]["Variables"]
    statements = function_policy(d)
    if d.values.get("Destination") != "opensearch":
        assert not env.get("OPENSEARCH_ENDPOINT")
        assert "OpenSearch" not in statements
        return
    assert "DeliveryStream" not in created and "FirehoseRole" not in created
    assert not env.get("DELIVERY_STREAM_NAME")
    assert "Firehose" not in statements
    own = d.values["CreateDeliveryStream"] == "true"
    domain = d.arn("Domain") if own else f"arn:aws:es:{REGION}:{ACCOUNT}:domain/{d.values['OpenSearchDomainName']}"
    endpoint = d.attr("Domain", "DomainEndpoint") if own else d.values["OpenSearchEndpoint"]
    # The stack's own domain by its endpoint's URL; a given endpoint as given
    # (the function puts https:// before a bare host).
    assert env["OPENSEARCH_ENDPOINT"] == (f"https://{endpoint}" if own else endpoint)
    st = statements["OpenSearch"]
    assert sorted(st["Action"]) == ["es:ESHttpPost", "es:ESHttpPut"]
    assert st["Resource"] == [domain, f"{domain}/*"], "that domain only"
    if own:
        assert env["BACKUP_BUCKET"] == d.physical["BackupBucket"]
        assert statements["DirectBackup"]["Resource"] == f"arn:aws:s3:::{d.physical['BackupBucket']}/errors/opensearch-failed/*"
    else:
        assert not env.get("BACKUP_BUCKET") and "DirectBackup" not in statements
    # What the function reads at start-up is a configuration it accepts.
    assert env["OPENSEARCH_INDEX"] == d.values["IndexName"]


def check_redrive_schedule(d, created, fn_arn):
    rule = d.resolve(created["RedriveRule"]["Properties"])
    (target,) = rule["Targets"]
    assert target["Arn"] == fn_arn
    assert json.loads(target["Input"]) == {"logsToFirehoseRedrive": {"bucket": d.physical["BackupBucket"], "prefix": "errors/"}}
    policy = json.loads(d.moto["lambda"].get_policy(FunctionName=d.physical["Function"])["Policy"])
    events = [st for st in policy["Statement"] if st["Principal"] == {"Service": "events.amazonaws.com"}]
    assert len(events) == 1


def check_central(d, created, fn_arn):
    (mapping,) = d.moto["lambda"].list_event_source_mappings(FunctionName=d.physical["Function"])["EventSourceMappings"]
    assert mapping["EventSourceArn"] == d.arn("CentralStream")
    assert mapping["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert mapping["BisectBatchOnFunctionError"] is True
    # moto's stream ignores StreamEncryption; what it was given says KMS.
    stream = d.resolve(created["CentralStream"]["Properties"])
    assert stream["StreamEncryption"] == {"EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}
    check = MODELS.get_service_model("kinesis").operation_model("StartStreamEncryption").input_shape
    assert not check_shape(check, {"StreamName": "s", **stream["StreamEncryption"]}, "CentralStream")
    dest = d.resolve(created["CentralDestination"]["Properties"])
    assert dest["TargetArn"] == d.arn("CentralStream")
    assert dest["RoleArn"] == d.arn("DestinationRole")
    policy = json.loads(dest["DestinationPolicy"])
    problems = check_shape(
        MODELS.get_service_model("logs").operation_model("PutDestinationPolicy").input_shape,
        {"destinationName": dest["DestinationName"], "accessPolicy": dest["DestinationPolicy"]},
        "CentralDestination.DestinationPolicy",
    )
    assert not problems, problems
    (st,) = policy["Statement"]
    assert st["Resource"] == f"arn:aws:logs:{REGION}:{ACCOUNT}:destination:{dest['DestinationName']}"
    assert sorted(st["Action"]) == ["logs:PutAccountPolicy", "logs:PutSubscriptionFilter"]
    if d.values["OrganizationId"]:
        assert st["Principal"] == "*"
        assert st["Condition"] == {"StringEquals": {"aws:PrincipalOrgID": [d.values["OrganizationId"]]}}
    else:
        assert st["Principal"] == {"AWS": d.values["MemberAccountIds"].split(",")}
    role = d.moto["iam"].get_role(RoleName=d.physical["DestinationRole"])["Role"]
    assert role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {"Service": "logs.amazonaws.com"}


def test_member_accounts_deploy_their_account_policy_side_by_side_and_again(moto):
    overrides = {"DestinationArn": f"arn:aws:logs:{REGION}:999999999999:destination:central-logs-to-firehose", "ExcludeLogGroupNames": "/skip/me"}
    for stack in ("member-a", "member-b"):
        d = deploy(moto, ROOT / "member.yaml", stack, overrides)
        assert check_skipped(d) == {"AWS::Logs::AccountPolicy"}
        props = d.resolve(d.template["Resources"]["AccountSubscription"]["Properties"])
        assert json.loads(props["PolicyDocument"])["DestinationArn"] == overrides["DestinationArn"]
        assert props["SelectionCriteria"] == 'LogGroupName NOT IN ["/skip/me"]'
    moto["cloudformation"].delete_stack(StackName="member-a")
    deploy(moto, ROOT / "member.yaml", "member-a", overrides)


def test_the_list_of_what_moto_could_not_check_is_true(moto):
    seen = set()
    for mode, overrides in MODES.items():
        d = deploy(moto, ROOT / "template.yaml", f"list-{mode}", overrides)
        seen |= check_skipped(d)
        skipped = {r["Type"] for n, r in d.created() if n not in d.physical and not r["Type"].startswith("Custom::")}
        assert skipped <= set(MOTO_SKIPS), f"moto skipped types the list doesn't name: {skipped - set(MOTO_SKIPS)}"
    assert seen == set(MOTO_SKIPS), f"listed but never deployed: {set(MOTO_SKIPS) - seen}"


def test_the_model_check_catches_what_cloudformation_would_refuse():
    # The check itself: a wrong enum, an unknown member and a missing
    # required member are each reported.
    problems = api_check("AWS::Logs::AccountPolicy", "P", {"PolicyName": "p", "PolicyType": "NOT_A_TYPE", "Colour": "red"})
    text = "\n".join(problems)
    assert "NOT_A_TYPE" in text and "Colour" in text and "policyDocument missing" in text


def test_more_than_fifty_listed_groups_fail_the_deploy_instead_of_skipping_some():
    names = ",".join(f"/g/{i}" for i in range(51))
    template, values = translate(ROOT / "template.yaml", "many", {"LogGroupNames": names, "DeliveryStreamName": "logs"})
    d = Deployed.__new__(Deployed)
    d.template, d.values, d.stack, d.physical, d.conditions, d.moto = template, values, "many", {}, {}, None
    created = dict(d.created())
    assert sum(n.startswith("Subscription") for n in created) == 50
    assert "TooManyLogGroupsListedUseModeAccountPolicy" in created
    fifty = ",".join(f"/g/{i}" for i in range(50))
    template, values = translate(ROOT / "template.yaml", "fifty", {"LogGroupNames": fifty, "DeliveryStreamName": "logs"})
    d.template, d.values, d.conditions = template, values, {}
    created = dict(d.created())
    assert sum(n.startswith("Subscription") for n in created) == 50
    assert "TooManyLogGroupsListedUseModeAccountPolicy" not in created


def test_a_long_stack_name_fits_every_generated_name():
    # 128 characters, CloudFormation's longest stack name: the names the
    # template builds from it stay within their services' limits.
    stack = "s" * 128
    template, values = translate(ROOT / "template.yaml", stack, MODES["central"])
    d = Deployed.__new__(Deployed)
    d.template, d.values, d.stack, d.physical, d.conditions, d.moto = template, values, stack, {}, {}, None
    dest = d.resolve({"Fn::Sub": "${AWS::StackName}-logs-to-firehose"})
    assert len(dest) <= 512  # PutDestination's destinationName
    assert "DeliveryStreamName" not in copy.deepcopy(template["Resources"].get("ProcessorStream", {}).get("Properties", {}))


def test_a_fixed_function_log_group_name_is_what_broke_redeploys(moto):
    # The old default: a retained group with a fixed name. Deleting the
    # stack keeps the group, so the next deploy can't create it again.
    # (moto answers with a server error where CloudFormation would roll
    # back with ResourceAlreadyExistsException.)
    fixed = dict(MODES["per-group"], FunctionLogGroupName="/aws/lambda/logs-to-firehose")
    deploy(moto, ROOT / "template.yaml", "fixed-a", fixed)
    moto["cloudformation"].delete_stack(StackName="fixed-a")
    with pytest.raises((botocore.exceptions.ClientError, botocore.parsers.ResponseParserError, AssertionError)):
        deploy(moto, ROOT / "template.yaml", "fixed-a", fixed)


@pytest.mark.parametrize(
    "overrides,rule",
    [
        ({"Mode": "subscription", "DeliveryStreamName": "logs"}, "ListedGroupsNeedAList"),
        ({"Mode": "central", "DeliveryStreamName": "logs"}, "CentralNeedsMembers"),
        ({"Mode": "account-policy"}, "ExistingStreamNeedsAName"),
        ({"LogGroupNames": "/a,/aws/lambda/me", "FunctionLogGroupName": "/aws/lambda/me", "DeliveryStreamName": "logs"}, "NoFeedbackLoop"),
        ({"Mode": "account-policy", "Destination": "opensearch", "OpenSearchEndpoint": "search-x.us-east-1.es.amazonaws.com"}, "ExistingDomainNeedsItsEndpointAndName"),
        ({"Mode": "firehose-processor", "LogGroupNames": "/a", "Destination": "opensearch", "CreateDeliveryStream": "true"}, "DirectIsNotAProcessor"),
    ],
)
def test_the_rules_refuse_a_deploy_that_could_not_work(overrides, rule):
    template, values = translate(ROOT / "template.yaml", "refused", overrides)
    assert broken_rules(template, values) == [rule]
