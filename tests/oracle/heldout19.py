"""The nineteenth held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout17.py`): six more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS in
three areas (ML training tooling: a Kubeflow Pipelines component on EKS
running OpenCLIP's trainer; data pipelines: a Pulsar Python function
enriching CDC events beside the Covalent workflow server on one EKS node;
build tools in CI: EasyBuild and KIWI NG in one CodeBuild build of an HPC
cluster's compute image), each format copied from the file named beside it
(the version read is given), with the formatter class the program uses,
and messages from the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout19

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 47b176d (session 19's rules from heldout11 and
heldout17 in), before any rule saw it: 2316 records (156 joined under a
burst), 18.9% exact, 18.9% with the key fields right (asctime 53.3%,
levelname 53.0%, name 79.0%, message 18.9%, exc_info 99.9%).

Formatters and filters: all six use logging.Formatter itself (no filter,
no record factory: KIWI's level filters only pick its handler). 618
records in three streams. The KFP executor's format puts the time and level
inside one bracket after a literal "KFP Executor" ("[KFP Executor
2024-05-11 14:44:44,123 INFO]: "); its "Got executor_input:" message is
multi-line JSON. OpenCLIP's datefmt joins date and time with a comma and
has no milliseconds ("2024-05-11,14:44:44 | INFO | open_clip_train.main |
"); its four ranks print the same lines four times; its "Params:" lines
start with two spaces, its eval line joins the metrics with tabs, and its
S3 sync error ends with a line break (aws s3 sync's stderr). Pulsar's datefmt ends with
"%z" ("[2024-05-11 14:44:44 +0000] [INFO] log.py: "), and only the file's
name is printed: the function's print() and the warnings Python writes to
stderr reach the root logger through log.py's StreamToLogger, one record a
line (INFO from stdout, ERROR from stderr, each named "log.py").
Covalent prints "file.py: Line N in funcName: " with Python's default
asctime; its server runs with LOGLEVEL=debug, logs a task group's
traceback as a DEBUG message (ending with a line break), and its
_handle_dispatch_exception logs the formatted traceback in the message and
again as exc_info (app_log.exception). EasyBuild's format starts with its
"==" prefix and prints "file.py:line"; print_msg logs its message (the
record's caller is print_msg itself, "build_log.py:329") and then prints
it as "== message", so many records are followed by a print line holding
the same text without the time. KIWI pads the level to eight inside a
bracket that opens with a space, and prints only the time ("[ INFO    ]:
14:44:44 | "); it runs with --debug, and its ERROR handler writes to
stderr.

Print lines: the CodeBuild agent's "[Container] ..." lines, EasyBuild's
"== ..." and trace "  >> ..." lines and the commands' streamed output,
KIWI's progress bar (Logger.progress writes "[ INFO    ]: Processing:
[###...] 100%" with carriage returns; only its last state is kept, a line
shaped like KIWI's own), the KFP v2 launcher's glog lines, torchrun's
warning, pip's root-user warning and Argo's wait line, the Pulsar C++
client's console lines, and two tracebacks the interpreter prints: KIWI's
unexpected OSError (kiwi/kiwi.py logs "Unexpected error:" and re-raises)
and the KFP executor's ValueError when the component returns a
numpy.float32 for a float output (kfp/dsl/executor.py
handle_single_return_value's message).

Modelled, not copied: the component's own records (the pipeline author's
code), the Pulsar function's records and prints (its author's
cdc_enricher.py), the C++ client's, launcher's, torchrun's, Argo's and
CodeBuild's lines, the commands' output, OpenCLIP's model repr (cut) and its params
list (cut to a subset of params.py's options), Covalent's node-result and
job-event reprs, and KIWI's and EasyBuild's paths and package names. The
Pulsar instance's line numbers are not read (its format does not print
them); Covalent's and EasyBuild's file:line and funcName are read from the
versions cited.

Left out: diskimage-builder (its DibFormatter appends " %(funcName)s
%(pathname)s:%(lineno)d" after the message of DEBUG records, and
disk-image-create pipes its output through outfilter.py, which prefixes a
timestamp to every line), Jenkins Job Builder (jenkins_jobs/cli/entry.py's
logging.basicConfig(level=logging.INFO): BASIC_FORMAT), ec2imgutils and
img-proof (a bare "%(message)s" on their consoles), kolla-build
(BASIC_FORMAT; the kolla_set_configs entrypoint's "%(asctime)s.%(msecs)03d
%(levelname)s %(message)s" with "%Y-%m-%d %H:%M:%S", read in openstack/kolla
kolla/docker/base/set_configs.py, is kept for a later set), Lorax's
livemedia-creator (its console's "%(asctime)s: %(message)s" is arq's in
`heldout7.py`), NNI (its stdout formatter builds the line in code with
colorama codes; its trial.log and dispatcher.log format "[%(asctime)s]
%(levelname)s (%(name)s/%(threadName)s) %(message)s", read in microsoft/nni
nni/runtime/log.py, is kept for a later set), Katib's suggestion services
(hyperband's logger prints bare messages on its own handler and again
through the root's "%(asctime)-15s Experiment %(experiment_name)s
%(message)s", which has no level and needs an extra; the NAS services'
loggers do not propagate and print bare messages), PyTriton (its format
only in its check tool), Horovod, yacron and Procrastinate (BASIC_FORMAT by
default), Ludwig ("%(message)s"), torchtune and Metaflow (no format string
of their own), PaddleOCR (ppocr/utils/logging.py's "[%(asctime)s]
%(name)s %(levelname)s: %(message)s" is Detectron2's in `heldout5.py`, with
"%Y/%m/%d %H:%M:%S"), ms-swift (Dask's format), and Pungi and nodepool
(no copy of their source could be had here). Zuul and cwltool, named in
earlier sets, were not considered.
"""

import argparse
import json
import logging
import os
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout11 import container, now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# Kubeflow Pipelines SDK (kubeflow/pipelines, cc29bf4d), sdk/python/kfp/dsl/
# executor_main.py _setup_logging: logging.basicConfig(stream=sys.stdout,
# format=..., level=logging.INFO), the root's handler in every KFP v2
# Python component's container (the records of the component's own code,
# which logs through the root, print in it too).
KFP = "[KFP Executor %(asctime)s %(levelname)s]: %(message)s"
# OpenCLIP (mlfoundations/open_clip v3.3.0-110, 89fb801f), src/
# open_clip_train/logger.py setup_logging's formatter without include_host
# (main.py calls setup_logging(args.log_path, args.log_level)): a
# StreamHandler (stderr) on the root, with the datefmt's comma.
OPENCLIP = "%(asctime)s | %(levelname)s | %(name)s | %(message)s"
OPENCLIP_DATEFMT = "%Y-%m-%d,%H:%M:%S"
# Apache Pulsar Functions' Python instance (apache/pulsar), conf/functions-
# logging/kubernetes_logging_config.ini [formatter_formatter] (f9204440; the
# console_logging_config.ini beside it has the same format and datefmt),
# which pulsar-functions/instance/src/main/python/log.py init_logger
# (0890edae) loads with logging.config.fileConfig: the root's StreamHandler
# (INFO) with logging.Formatter itself. init_logger also points sys.stdout
# and sys.stderr at the root logger (StreamToLogger, INFO and ERROR).
PULSAR = "[%(asctime)s] [%(levelname)s] %(filename)s: %(message)s"
PULSAR_DATEFMT = "%Y-%m-%d %H:%M:%S %z"
# Covalent (AgnostiqHQ/covalent v0.240.0-rc.0, 62ba6d14), covalent/
# _shared_files/logger.py stream_formatter, on app_log's StreamHandler
# (sys.stdout, propagate False) with logging.Formatter.converter =
# time.gmtime; its level is the config's sdk.log_level, from $LOGLEVEL
# (covalent/_shared_files/defaults.py), "debug" here.
COVALENT = ("[%(asctime)s] " + "[%(levelname)s] " + "%(filename)s: " + "Line "
            "%(lineno)s in %(funcName)s: " + "%(message)s")
# EasyBuild 5.2.1 (easybuilders/easybuild-framework v5.2.1-22, 3c7b64d3),
# easybuild/tools/build_log.py LOGGING_FORMAT, set through
# fancylogger.setLogFormat; with --logtostdout, fancylogger.logToScreen puts
# it on a FancyStreamHandler(stdout) with logging.Formatter itself
# (_screenLogFormatterFactory picks coloredlogs only on a terminal, which a
# CodeBuild container is not). EB_MSG_PREFIX is "=="; the level is
# easybuild/tools/options.py's DEFAULT_LOGLEVEL, INFO.
EASYBUILD = "== %(asctime)s %(filename)s:%(lineno)s %(levelname)s %(message)s"
# KIWI NG 10.3.9 (OSInside/kiwi v10.3.9-4, fb48da9c), kiwi/logger.py
# Logger.__init__'s stream handlers ('info', 'warning' and 'debug' on
# sys.__stdout__, 'error' on sys.__stderr__, each with a level filter from
# kiwi/logger_filter.py), all with this format and datefmt through
# logging.Formatter itself (ColorFormatter only with --color-output).
KIWI = "[ %(levelname)-8s]: %(asctime)-8s | %(message)s"
KIWI_DATEFMT = "%H:%M:%S"


def glog(stream, level, pid_, where, text):
    """A Go program's glog line (KFP's v2 launcher, torchrun's C10d
    warnings use the same layout): "I0511 14:44:44.123456      21 file.go:90] "."""
    t = realworld.CLOCK.t
    printed(stream, "%s%s.%06d %7d %s] %s" % (level, now("%m%d %H:%M:%S"), round(t % 1 * 1e6) % 1000000, pid_, where,
                                               text))


CLIP_REPR = """CLIP(
  (visual): VisionTransformer(
    (conv1): Conv2d(3, 768, kernel_size=(32, 32), stride=(32, 32), bias=False)
    (patch_dropout): Identity()
    (ln_pre): LayerNorm((768,), eps=1e-05, elementwise_affine=True)
    (transformer): Transformer(
      (resblocks): ModuleList(
        (0-11): 12 x ResidualAttentionBlock(
          (ln_1): LayerNorm((768,), eps=1e-05, elementwise_affine=True)
          (attn): MultiheadAttention(
            (out_proj): NonDynamicallyQuantizableLinear(in_features=768, out_features=768, bias=True)
          )
          (ls_1): Identity()
          (ln_2): LayerNorm((768,), eps=1e-05, elementwise_affine=True)
          (mlp): Sequential(
            (c_fc): Linear(in_features=768, out_features=3072, bias=True)
            (gelu): GELU(approximate='none')
            (c_proj): Linear(in_features=3072, out_features=768, bias=True)
          )
          (ls_2): Identity()
        )
      )
    )
    (ln_post): LayerNorm((768,), eps=1e-05, elementwise_affine=True)
  )
  (transformer): Transformer(
    (resblocks): ModuleList(
      (0-11): 12 x ResidualAttentionBlock(
        (ln_1): LayerNorm((512,), eps=1e-05, elementwise_affine=True)
        (attn): MultiheadAttention(
          (out_proj): NonDynamicallyQuantizableLinear(in_features=512, out_features=512, bias=True)
        )
        (ls_1): Identity()
        (ln_2): LayerNorm((512,), eps=1e-05, elementwise_affine=True)
        (mlp): Sequential(
          (c_fc): Linear(in_features=512, out_features=2048, bias=True)
          (gelu): GELU(approximate='none')
          (c_proj): Linear(in_features=2048, out_features=512, bias=True)
        )
        (ls_2): Identity()
      )
    )
  )
  (token_embedding): Embedding(49408, 512)
  (ln_final): LayerNorm((512,), eps=1e-05, elementwise_affine=True)
)"""
RUN_NAME = "2024_05_11-14_44_44-model_ViT-B-32-lr_0.0005-b_256-j_8-p_amp"
S3_RUN = "s3://ml-catalog-training/clip-finetune"
SHARDS = "pipe:aws s3 cp s3://ml-catalog-datasets/product-images/train-{000000..000511}.tar -"


# --------------------------------------------------------------------------
# A Kubeflow Pipelines run on EKS fine-tuning CLIP on a product catalogue
# (the GPU pod's container log, which Fluent Bit ships): the KFP v2
# launcher (Go) starts the component, the KFP executor loads it, and the
# component's code runs OpenCLIP's trainer under torchrun on the node's four
# GPUs, then returns its metrics. The launcher's and torchrun's lines, pip's
# warning and the interpreter's traceback are print lines; the component's
# own records (its code, modelled) print in KFP's format.

def stream_kfp_openclip():
    stream = []
    kfp = Program("kfp-executor", "root", logging.Formatter(KFP), stream)
    oc = Program("open_clip", "open_clip_train.main", logging.Formatter(OPENCLIP, OPENCLIP_DATEFMT), stream)
    root = lg(kfp, "root")
    main = lg(oc, "open_clip_train.main")
    factory = lg(oc, "open_clip.factory")
    train = lg(oc, "open_clip_train.train")
    data = lg(oc, "open_clip_train.data")
    files = lg(oc, "open_clip_train.file_utils")
    zs = lg(oc, "open_clip_train.zero_shot")

    glog(stream, "I", 21, "launcher_v2.go:90", "input ComponentSpec:{\"executorLabel\":\"exec-finetune-clip\", "
         "\"inputDefinitions\":{\"parameters\":{\"epochs\":{\"parameterType\":\"NUMBER_INTEGER\"}, "
         "\"model\":{\"parameterType\":\"STRING\"}, \"pretrained\":{\"parameterType\":\"STRING\"}}}, "
         "\"outputDefinitions\":{\"parameters\":{\"Output\":{\"parameterType\":\"NUMBER_DOUBLE\"}}}}")
    glog(stream, "I", 21, "cache.go:139", "Cannot detect ml-pipeline in the same namespace, default to "
         "ml-pipeline.kubeflow:8887 as KFP endpoint.")
    glog(stream, "I", 21, "launcher_v2.go:153", "executor input: {\"inputs\":{\"parameterValues\":{\"epochs\":3, "
         "\"model\":\"ViT-B-32\", \"pretrained\":\"laion2b_s34b_b79k\"}}, \"outputs\":{\"outputFile\":"
         "\"/tmp/kfp_outputs/output_metadata.json\"}}")
    printed(stream, "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting "
                    "behaviour with the system package manager, possibly rendering your system unusable. It is "
                    "recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the "
                    "--root-user-action option if you know what you are doing and want to suppress this warning.")
    module = "/tmp/tmp.k2Jd8fPq1x/ephemeral_component.py"
    root.info(f"Looking for component `finetune_clip` in --component_module_path `{module}`")
    root.info(f'Loading KFP component "finetune_clip" from {module} (directory "/tmp/tmp.k2Jd8fPq1x" and module name '
              f'"ephemeral_component")')
    executor_input = {"inputs": {"parameterValues": {"epochs": 3, "model": "ViT-B-32",
                                                     "pretrained": "laion2b_s34b_b79k"}},
                      "outputs": {"parameters": {"Output": {"outputFile": "/tmp/kfp_outputs/Output"}},
                                  "outputFile": "/tmp/kfp_outputs/output_metadata.json"}}
    root.info(f"Got executor_input:\n{json.dumps(executor_input, indent=4)}")
    cmd = ("torchrun --nproc_per_node 4 -m open_clip_train.main --model ViT-B-32 --pretrained laion2b_s34b_b79k "
           f"--train-data '{SHARDS}' --train-num-samples 1048576 --dataset-type webdataset --batch-size 256 "
           "--precision amp --workers 8 --epochs 3 --lr 5e-4 --warmup 500 --logs /mnt/logs "
           f"--remote-sync {S3_RUN} --remote-sync-protocol s3 --imagenet-val /mnt/imagenet/val --report-to tensorboard")
    root.info("Running %s", cmd)
    glog(stream, "W", 57, "torch/distributed/run.py:792", "")
    glog(stream, "W", 57, "torch/distributed/run.py:792", "*" * 41)
    glog(stream, "W", 57, "torch/distributed/run.py:792", "Setting OMP_NUM_THREADS environment variable for each "
         "process to be 1 in default, to avoid your system being overloaded, please further tune the variable for "
         "optimal performance in your application as needed.")
    glog(stream, "W", 57, "torch/distributed/run.py:792", "*" * 41)
    for rank in range(4):
        main.info(f"Running in distributed mode with multiple processes. Device: cuda:{rank}."
                  f"Process (global: {rank}, local {rank}), total 4.")
    files.info("Starting remote sync.")
    files.info("Successfully synced with S3 bucket")
    main.info("remote sync successful.")
    for rank in range(4):
        factory.info("Parsing model identifier. Schema: None, Identifier: ViT-B-32")
        factory.info("Loaded built-in ViT-B-32 model config.")
        factory.info("Instantiating model architecture: CLIP")
        factory.info("Loading full pretrained weights from: /root/.cache/huggingface/hub/models--laion--"
                     "CLIP-ViT-B-32-laion2B-s34B-b79K/snapshots/1a25a446712ba5ee05982a381eed697ef9b435cf/"
                     "open_clip_pytorch_model.bin")
        factory.info("Final image preprocessing configuration set: {'size': (224, 224), 'mode': 'RGB', 'mean': "
                     "(0.48145466, 0.4578275, 0.40821073), 'std': (0.26862954, 0.26130258, 0.27577711), "
                     "'interpolation': 'bicubic', 'resize_mode': 'shortest', 'fill_color': 0}")
        factory.info("Model ViT-B-32 creation process complete.")
    main.info("Model:")
    main.info(f"{CLIP_REPR}")
    main.info("Params:")
    params = {"accum_freq": 1, "batch_size": 256, "beta1": 0.9, "beta2": 0.98, "checkpoint_path":
              f"/mnt/logs/{RUN_NAME}/checkpoints", "dataset_type": "webdataset",
              "debug": False, "device": "cuda:0", "distributed": True,
              "epochs": 3, "eps": 1e-06, "imagenet_val": "/mnt/imagenet/val", "local_rank": 0,
              "log_every_n_steps": 100, "log_level": 20, "log_local": False,
              "log_path": f"/mnt/logs/{RUN_NAME}/out.log",
              "logs": "/mnt/logs", "lr": 0.0005, "lr_scheduler": "cosine", "model": "ViT-B-32", "name": RUN_NAME,
              "precision": "amp", "pretrained": "laion2b_s34b_b79k", "rank": 0, "remote_sync": S3_RUN,
              "remote_sync_protocol": "s3", "report_to": "tensorboard",
              "save_frequency": 1, "seed": 0, "train_data": SHARDS, "train_num_samples": 1048576,
              "val_data": None, "warmup": 500, "wd": 0.2, "workers": 8, "world_size": 4}
    for name in sorted(params):
        main.info(f"  {name}: {params[name]}")
    main.info("Created AdamW (adamw) optimizer: lr: 0.0005, betas: (0.9, 0.98), eps: 1e-06, weight_decay: 0.2, "
              "amsgrad: False, foreach: None, maximize: False, capturable: False, differentiable: False, fused: None")
    steps = 1024
    loss = 1.9
    for epoch in range(3):
        main.info(f"Start epoch {epoch}")
        for i in range(0, 6):
            n = 0 if i == 0 else min(i * 200, steps) * 1024
            pct = 100.0 * (min(i * 200, steps) if i else 1) / steps
            loss = loss * 0.93
            sps = 4012.5 + 37 * i - 11 * epoch
            lr = 0.0005 * min(1, (i * 200 + epoch * steps) / 500)
            train.info(f"Train Epoch: {epoch} [{n:>7}/1048576 ({pct:.0f}%)] Data (t): {0.041 + 0.002 * i:.3f} "
                       f"Batch (t): {1024 / sps:.3f}, {sps:#g}/s, {sps / 4:#g}/s/gpu LR: {lr:5f} "
                       f"Logit Scale: {99.62 + 0.01 * i:.3f} Contrastive_loss: {loss:#.5g} ({loss * 1.04:#.5g})")
            if epoch == 1 and i == 3:
                data.warning("Skipped 3 webdataset samples (decode/load errors); ignoring. Most recent: "
                             "ValueError('image file is truncated (41 bytes not processed)').")
        train.info(f"End epoch {epoch} | Avg Contrastive_loss: {loss * 1.08:#.5g}")
        zs.info("Starting zero-shot imagenet.")
        zs.info("Building zero-shot classifier")
        zs.info("Using classifier")
        zs.info("Finished zero-shot imagenet.")
        metrics = {"imagenet-zeroshot-val-top1": 0.6321 + 0.004 * epoch,
                   "imagenet-zeroshot-val-top5": 0.8812 + 0.002 * epoch}
        train.info(f"Eval Epoch: {epoch + 1} " + "\t".join([f"{k}: {round(v, 4):.4f}" for k, v in metrics.items()]))
        if epoch == 1:
            files.info("Starting remote sync.")
            files.error("Error: Failed to sync with S3 bucket upload failed: /mnt/logs/%s/checkpoints/epoch_2.pt to "
                        "%s/%s/checkpoints/epoch_2.pt An error occurred (ExpiredToken) when calling the "
                        "UploadPart operation: The provided token has expired.\n" % (RUN_NAME, S3_RUN, RUN_NAME))
    main.info("Final remote sync.")
    files.info("Starting remote sync.")
    files.info("Successfully synced with S3 bucket")
    main.info("Final remote sync successful.")
    root.info("Training finished: top-1 %.4f, checkpoints in %s", 0.6401, f"{S3_RUN}/{RUN_NAME}/checkpoints")

    # The component returns a numpy.float32: the executor's
    # handle_single_return_value refuses it, and the interpreter prints the
    # traceback (kfp/dsl/executor.py).
    def executor_main():
        def execute():
            def write_executor_output():
                def handle_single_return_value():
                    raise ValueError("Function `finetune_clip` returned value of type <class 'numpy.float32'>; "
                                     "want type <class 'float'>")
                handle_single_return_value()
            write_executor_output()
        execute()

    uncaught(stream, executor_main)
    glog(stream, "E", 21, "launcher_v2.go:172", "failed to execute component: exit status 1")
    printed(stream, "time=\"%sZ\" level=info msg=\"sub-process exited\" argo=true error=\"<nil>\""
            % now("%Y-%m-%dT%H:%M:%S.000"))
    printed(stream, "Error: exit status 1")
    return {"name": "kfp-openclip", "programs": [kfp, oc], "records": stream, "auto": False}


def covalent_formatter():
    formatter = logging.Formatter(COVALENT)
    formatter.converter = time.gmtime
    return formatter


def pulsar_args():
    """python_instance_main.py's arguments, in its parser's order, as
    str(args) prints them."""
    details = {"tenant": "public", "namespace": "cdc", "name": "orders-enricher", "className":
               "cdc_enricher.OrdersEnricher", "runtime": "PYTHON", "autoAck": True, "parallelism": 2,
               "source": {"typeClassName": "string", "inputSpecs": {"persistent://public/cdc/dbserver1.shop.orders":
                                                                    {}}, "cleanupSubscription": True},
               "sink": {"topic": "persistent://public/cdc/orders-enriched", "typeClassName": "string"},
               "resources": {"cpu": 0.5, "ram": "536870912", "disk": "10737418240"},
               "componentType": "FUNCTION"}
    args = argparse.Namespace()
    for name, value in (("function_details", json.dumps(details)), ("py", "/pulsar/cdc_enricher.py"),
                        ("instance_id", "0"), ("function_id", "5d8a1c2e-0b7f-4c3a-9e61-2f4b8d7a9c10"),
                        ("function_version", "a7c3e912-44d1-4f0e-b5a8-1c9d2e7f3b64"),
                        ("pulsar_serviceurl", "pulsar://pulsar-broker.pulsar.svc.cluster.local:6650"),
                        ("client_auth_plugin", None), ("client_auth_params", None), ("use_tls", "false"),
                        ("tls_allow_insecure_connection", "false"), ("hostname_verification_enabled", "false"),
                        ("tls_trust_cert_path", None), ("port", 9093), ("metrics_port", 9094),
                        ("max_buffered_tuples", "1024"), ("logging_directory", "logs/functions"),
                        ("logging_file", "orders-enricher"),
                        ("logging_config_file", "/pulsar/conf/functions-logging/kubernetes_logging_config.ini"),
                        ("expected_healthcheck_interval", -1), ("secrets_provider", None),
                        ("secrets_provider_config", None), ("install_usercode_dependencies", None),
                        ("dependency_repository", None), ("extra_dependency_repository", None),
                        ("state_storage_serviceurl", None), ("cluster_name", "pulsar")):
        setattr(args, name, value)
    return str(args)


def cpp(stream, level, where, text):
    """The Pulsar C++ client's own console lines (pulsar-client's logger,
    not Python's logging)."""
    t = realworld.CLOCK.t
    printed(stream, "%s.%03d %-5s [140327351764672] %s | %s" % (now("%Y-%m-%d %H:%M:%S"), round(t % 1 * 1e3) % 1000,
                                                                 level, where, text))


ORDERS = [(48213 + 7 * i, ("c", "u", "u", "c", "d", "u")[i % 6], ("gold", "silver", "bronze", "gold")[i % 4])
          for i in range(14)]
DISPATCHES = ["c4f1e6a2-9b3d-4e58-8a71-0d2f6b9c3e14", "7e2b9d40-1a6c-4f83-b2e5-93c1d8a4f6b7",
              "a19c3f57-6d2e-48b0-9c14-5e7f2a8b0d63"]
ELECTRONS = ["extract_orders", "enrich_customers", "load_to_redshift"]


# --------------------------------------------------------------------------
# One node of a data platform's EKS cluster (aws-for-fluent-bit ships the
# node's containers to one log stream): a Pulsar Python function enriches
# the Debezium change events of the shop's orders table, and the Covalent
# server runs the nightly backfill workflows on its Dask executor. The
# function's print() and its warnings reach its log through
# StreamToLogger (log.py, one record a line); the C++ client's console
# lines are print lines.

def stream_pulsar_covalent():
    stream = []
    pf = Program("pulsar-function", "root", logging.Formatter(PULSAR, PULSAR_DATEFMT), stream)
    cv = Program("covalent", "covalent._shared_files.logger", covalent_formatter(), stream)
    plog = lg(pf, "root")
    app_log = lg(cv, "covalent._shared_files.logger")
    instance = "/pulsar/instances/python-instance/"
    user = "/pulsar/cdc_enricher.py"
    site = "/usr/local/lib/python3.10/site-packages/"

    def pulsar(level, path, func, msg, *args, exc=None):
        # Its format prints the file's name only: the line is not read.
        at(plog, level, path, 0, func, msg, *args, exc=exc)

    def stdout_line(text, level=logging.INFO):
        pulsar(level, instance + "log.py", "write", text)

    def cov(level, module, line, func, msg, exc=None):
        at(app_log, level, site + module, line, func, msg, exc=exc)

    def dispatch_start(d):
        cov(logging.DEBUG, "covalent_dispatcher/entry_point.py", 53, "start_dispatch",
            f"Waiting on asset transfers for dispatch {d}")
        cov(logging.DEBUG, "covalent_dispatcher/entry_point.py", 58, "start_dispatch", f"Running dispatch {d}")
        cov(logging.DEBUG, "covalent_dispatcher/_core/dispatcher.py", 294, "run_workflow", "Inside run_workflow.")
        cov(logging.DEBUG, "covalent_dispatcher/_core/dispatcher.py", 318, "run_workflow",
            f"Running dispatch {d} asynchronously")
        cov(logging.DEBUG, "covalent_dispatcher/_core/dispatcher.py", 426, "_submit_initial_tasks",
            "3: Inside run_planned_workflow (run_planned_workflow).")
        cov(logging.DEBUG, "covalent_dispatcher/_core/dispatcher.py", 432, "_submit_initial_tasks",
            f"4: Workflow status changed to running {d} (run_planned_workflow).")
        cov(logging.DEBUG, "covalent_dispatcher/_core/dispatcher.py", 433, "_submit_initial_tasks",
            "5: Wrote lattice status to DB (run_planned_workflow).")

    def task_group(d, gid, status="COMPLETED"):
        disp, runner, dask = ("covalent_dispatcher/_core/dispatcher.py", "covalent_dispatcher/_core/runner_ng.py",
                              "covalent/executor/executor_plugins/dask.py")
        cov(logging.DEBUG, disp, 443, "_submit_initial_tasks", f"Sorted nodes group group {gid}: [{gid}]")
        cov(logging.DEBUG, disp, 165, "_submit_task_group", f"7A: Node name: {ELECTRONS[gid]} (run_planned_workflow).")
        cov(logging.DEBUG, disp, 203, "_submit_task_group", f"Gathering inputs for task {gid} (run_planned_workflow).")
        cov(logging.DEBUG, disp, 232, "_submit_task_group", f"Submitting task group {d}:{gid} (1 tasks) to runner")
        cov(logging.DEBUG, disp, 235, "_submit_task_group", f"Using new runner for task group {gid}")
        cov(logging.DEBUG, runner, 257, "run_abstract_task_group", "Attempting to instantiate executor dask")
        cov(logging.DEBUG, runner, 259, "run_abstract_task_group", f"Running task group {d}:{gid}")
        cov(logging.DEBUG, runner, 111, "_submit_abstract_task_group",
            f"Uploading known nodes {list(range(gid))} for task group {d}:{gid}")
        key = "run_task_group-%032x" % (0x9f3c2b1a + gid * 7919 + len(d))
        cov(logging.DEBUG, dask, 171, "run", f"Submitted task {gid} to dask with key {key}")
        cov(logging.DEBUG, runner, 142, "_submit_abstract_task_group", f"Submitted task group {d}:{gid}")
        cov(logging.DEBUG, runner, 415, "_poll_task_status", f"Polling status for task group {d}:{gid}")
        cov(logging.DEBUG, runner, 420, "_poll_task_status", "Executor dask is async.")
        state = "finished" if status == "COMPLETED" else "error"
        cov(logging.DEBUG, dask, 278, "poll", f"Future <Future: {state}, type: dict, key: {key}>")
        cov(logging.DEBUG, runner, 353, "_listen_for_job_events", "Received job event {'task_group_metadata': "
            f"{{'dispatch_id': '{d}', 'task_ids': [{gid}], 'task_group_id': {gid}}}, 'event': 'READY'}}")
        cov(logging.DEBUG, runner, 195, "_get_task_result", f"Pulling job artifacts for task group {d}:{gid}")
        cov(logging.DEBUG, dask, 352, "receive", f"Returning results for tasks {d}:[{gid}]")
        cov(logging.DEBUG, "covalent_dispatcher/_core/data_manager.py", 85, "update_node_result",
            "Updating node result (run_planned_workflow).")
        cov(logging.DEBUG, "covalent_dispatcher/_core/data_manager.py", 99, "update_node_result",
            f"Filtered node result: {{'node_id': {gid}, 'end_time': datetime.datetime(2024, 5, 11, 14, 44, "
            f"{int(realworld.CLOCK.t) % 60}, tzinfo=datetime.timezone.utc), 'status': {status}, 'output': None, "
            "'error': None}")
        cov(logging.DEBUG, disp, 454, "_handle_node_status_update", f"Received node status update {gid}: {status}")
        if status == "COMPLETED":
            cov(logging.DEBUG, disp, 88, "_handle_completed_node", f"Node {gid} completed")
            if gid + 1 < len(ELECTRONS):
                cov(logging.DEBUG, disp, 96, "_handle_completed_node", f"dispatch {d}: parent gid {gid}, child gid "
                    f"{gid + 1}")
                cov(logging.DEBUG, disp, 100, "_handle_completed_node", f"Queuing task group {gid + 1} for execution")
        else:
            cov(logging.DEBUG, disp, 108, "_handle_failed_node", f"Node {d}:{gid} failed")
            cov(logging.DEBUG, disp, 109, "_handle_failed_node",
                "8A: Failed node upsert statement (run_planned_workflow)")

    def event(i, order_id, op, tier):
        if op == "d":
            # Debezium's delete events carry "after": null; the function
            # indexes it, and the instance logs the exception.
            def process(value, context):
                def enrich(record):
                    return record["after"]["customer_id"]
                return enrich({"before": {"id": order_id}, "after": None})
            try:
                process(None, None)
            except TypeError:
                pulsar(logging.ERROR, instance + "python_instance.py", "actual_execution",
                       "Exception while executing user method", exc=True)
            return
        table = "shop.orders"
        pulsar(logging.INFO, user, "process", "Enriching %s event for %s id=%s" % (
            {"c": "create", "u": "update"}[op], table, order_id))
        if i % 5 == 2:
            stdout_line("customer cache miss for %d, fetching from customer-api" % (9100 + i))
        pulsar(logging.INFO, user, "process", "Published order %s with tier %s" % (order_id, tier))

    cpp(stream, "INFO", "ClientConnection:193", "[<none> -> pulsar://pulsar-broker.pulsar.svc.cluster.local:6650] "
        "Create ClientConnection, timeout=10000")
    pulsar(logging.INFO, instance + "python_instance_main.py", "main", "Starting Python instance with %s"
           % pulsar_args())
    cpp(stream, "INFO", "ConnectionPool:124", "Created connection for pulsar://pulsar-broker.pulsar.svc."
        "cluster.local:6650-pulsar://pulsar-broker.pulsar.svc.cluster.local:6650-0")
    cpp(stream, "INFO", "ClientConnection:410", "[10.0.42.17:48122 -> 10.0.51.9:6650] Connected to broker")
    cpp(stream, "INFO", "HandlerBase:115", "[persistent://public/cdc/dbserver1.shop.orders, public/cdc/orders-"
        "enricher, 0] Getting connection from pool")
    cpp(stream, "INFO", "ConsumerImpl:324", "[persistent://public/cdc/dbserver1.shop.orders, public/cdc/orders-"
        "enricher, 0] Created consumer on broker [10.0.42.17:48122 -> 10.0.51.9:6650] ")
    stdout_line("loaded 1284 customers into the tier cache")
    cov(logging.WARNING, "covalent/executor/__init__.py", 162, "_populate_executor_map_from_module",
        "covalent_etl_helpers does not seem to have a well-defined plugin class.\nSpecify the plugin class with "
        "'EXECUTOR_PLUGIN_NAME = <plugin class name>' in the covalent_etl_helpers module.")
    d = DISPATCHES[0]
    dispatch_start(d)
    for gid in range(len(ELECTRONS)):
        task_group(d, gid)
        for i in range(gid * 3, gid * 3 + 3):
            event(i, *ORDERS[i])
    cov(logging.DEBUG, "covalent_dispatcher/_core/dispatcher.py", 408, "_finalize_dispatch",
        "8: All tasks finished running (run_planned_workflow)")
    cov(logging.DEBUG, "covalent_dispatcher/_core/data_manager.py", 157, "finalize_dispatch",
        f"Finalizing dispatch {d}")
    cov(logging.DEBUG, "covalent_dispatcher/_core/dispatcher.py", 536, "_handle_event", "Finalizing dispatch")

    # The function's HTTP client warns on stderr: one ERROR record a line.
    stdout_line("/usr/local/lib/python3.10/site-packages/urllib3/connectionpool.py:1099: InsecureRequestWarning: "
                "Unverified HTTPS request is being made to host 'customer-api.data.svc'. Adding certificate "
                "verification is strongly advised. See: https://urllib3.readthedocs.io/en/latest/advanced-usage.html"
                "#tls-warnings", logging.ERROR)
    stdout_line("  warnings.warn(", logging.ERROR)
    pulsar(logging.ERROR, instance + "python_instance.py", "done_producing",
           "Failed to publish to topic [%s] with error [%s] with src message id [%s]" % (
               "persistent://public/cdc/orders-enriched", "Result.Timeout", "(1842,17,-1,-1)"))
    cpp(stream, "WARN", "ProducerImpl:866", "[persistent://public/cdc/orders-enriched, pulsar-7-31] Timeout "
        "ProducerImpl - Pending messages: 3")
    cpp(stream, "ERROR", "ClientConnection:648", "[10.0.42.17:48122 -> 10.0.51.9:6650] Read operation failed: "
        "End of file")
    cpp(stream, "INFO", "ClientConnection:1559", "[10.0.42.17:48122 -> 10.0.51.9:6650] Connection disconnected")
    cpp(stream, "INFO", "HandlerBase:142", "[persistent://public/cdc/orders-enriched, pulsar-7-31] Schedule "
        "reconnection in 0.1 s")
    cpp(stream, "INFO", "ProducerImpl:212", "[persistent://public/cdc/orders-enriched, pulsar-7-31] Created "
        "producer on broker [10.0.42.17:48140 -> 10.0.51.11:6650] ")

    # The second backfill: the Dask scheduler is gone when its last task
    # group is submitted (the runner logs the exception at DEBUG, a
    # traceback as a message, and fails the node).
    d = DISPATCHES[1]
    dispatch_start(d)
    for gid in range(len(ELECTRONS) - 1):
        task_group(d, gid)
        for i in range(9 + gid * 2, 11 + gid * 2):
            event(i, *ORDERS[i % len(ORDERS)])
    gid = len(ELECTRONS) - 1
    disp, runner = "covalent_dispatcher/_core/dispatcher.py", "covalent_dispatcher/_core/runner_ng.py"
    cov(logging.DEBUG, disp, 443, "_submit_initial_tasks", f"Sorted nodes group group {gid}: [{gid}]")
    cov(logging.DEBUG, disp, 165, "_submit_task_group", f"7A: Node name: {ELECTRONS[gid]} (run_planned_workflow).")
    cov(logging.DEBUG, disp, 232, "_submit_task_group", f"Submitting task group {d}:{gid} (1 tasks) to runner")
    cov(logging.DEBUG, disp, 235, "_submit_task_group", f"Using new runner for task group {gid}")
    cov(logging.DEBUG, runner, 257, "run_abstract_task_group", "Attempting to instantiate executor dask")
    cov(logging.DEBUG, runner, 259, "run_abstract_task_group", f"Running task group {d}:{gid}")

    def submit():
        def send():
            def connect():
                raised("builtins", "OSError", "Timed out trying to connect to tcp://dask-scheduler.data.svc:8786 "
                       "after 30 s")
            connect()
        send()
    try:
        submit()
    except Exception as ex:
        tb = "".join(traceback.TracebackException.from_exception(ex).format())
        cov(logging.DEBUG, runner, 160, "_submit_abstract_task_group", f"Exception occurred when running task group "
            f"{gid}:")
        cov(logging.DEBUG, runner, 161, "_submit_abstract_task_group", tb)
    cov(logging.DEBUG, "covalent_dispatcher/_core/data_manager.py", 85, "update_node_result",
        "Updating node result (run_planned_workflow).")
    cov(logging.DEBUG, "covalent_dispatcher/_core/data_manager.py", 99, "update_node_result",
        f"Filtered node result: {{'node_id': {gid}, 'end_time': datetime.datetime(2024, 5, 11, 14, 44, "
        f"{int(realworld.CLOCK.t) % 60}, tzinfo=datetime.timezone.utc), 'status': FAILED, 'error': 'Timed out trying "
        "to connect to tcp://dask-scheduler.data.svc:8786 after 30 s'}")
    cov(logging.DEBUG, disp, 454, "_handle_node_status_update", f"Received node status update {gid}: FAILED")
    cov(logging.DEBUG, disp, 108, "_handle_failed_node", f"Node {d}:{gid} failed")
    cov(logging.DEBUG, disp, 109, "_handle_failed_node", "8A: Failed node upsert statement (run_planned_workflow)")
    cov(logging.DEBUG, disp, 398, "_finalize_dispatch", f"Workflow {d} cancelled or failed")

    # The third: the server loses its database connection mid-dispatch.
    d = DISPATCHES[2]
    dispatch_start(d)

    def run_planned_workflow():
        def get_result_object():
            raised("sqlalchemy.exc", "OperationalError", "(psycopg2.OperationalError) server closed the connection "
                   "unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while "
                   "processing the request.\n\n(Background on this error at: https://sqlalche.me/e/20/e3q8)")
        get_result_object()
    try:
        run_planned_workflow()
    except Exception as ex:
        error_msg = "".join(traceback.TracebackException.from_exception(ex).format())
        cov(logging.ERROR, "covalent_dispatcher/_core/dispatcher.py", 488, "_handle_dispatch_exception",
            f"Exception during _run_planned_workflow: {error_msg}", exc=True)
    event(13, *ORDERS[13])
    return {"name": "pulsar-covalent", "programs": [pf, cv], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# The HPC platform team's CodeBuild project for its ParallelCluster compute
# nodes (one build's log stream): EasyBuild installs toolchain modules onto
# the cluster's shared file system with --logtostdout and --trace (the
# default), then KIWI NG builds the nodes' disk image with --debug. The
# CodeBuild agent's "[Container] ..." lines, EasyBuild's "== ..." and
# "  >> ..." lines (print_msg and trace_msg, printed besides the log
# record print_msg also writes), the commands' streamed output, KIWI's
# progress bar and the interpreter's traceback are print lines.

EB_SITE = "/usr/local/lib/python3.11/site-packages/easybuild/"
EB_TMP = "/tmp/eb-k2x9q1mf"
EB_INSTALL = "/shared/easybuild"
EB_HOST = "ip-10-0-17-204.ec2.internal"
EASYCONFIGS = [
    ("zlib", "1.3.1", "GCCcore-13.3.0", "ConfigureMake",
     [("configure", "./configure --prefix=%s/software/zlib/1.3.1-GCCcore-13.3.0" % EB_INSTALL,
       ["Checking for gcc...", "Checking for shared library support...",
        "Building shared library libz.so.1.3.1 with gcc.",
        "Checking for size_t... Yes.", "Checking for off64_t... Yes.", "Checking for fseeko... Yes.",
        "Checking for strerror... Yes.", "Checking for unistd.h... Yes.", "Checking for stdarg.h... Yes.",
        "Checking whether to use vs[n]printf() or s[n]printf()... using vs[n]printf().",
        "Checking for vsnprintf() in stdio.h... Yes.", "Checking for return value of vsnprintf()... Yes.",
        "Checking for attribute(visibility) support... Yes."]),
      ("build", "make -j 8", ["gcc -O2 -ftree-vectorize -march=native -fno-math-errno -fPIC -D_LARGEFILE64_SOURCE=1 "
                             "-DHAVE_HIDDEN -I. -c -o example.o test/example.c",
                             "gcc -O2 -ftree-vectorize -march=native -fno-math-errno -fPIC -D_LARGEFILE64_SOURCE=1 "
                             "-DHAVE_HIDDEN -c -o adler32.o adler32.c",
                             "ar rc libz.a adler32.o crc32.o deflate.o infback.o inffast.o inflate.o inftrees.o "
                             "trees.o "
                             "zutil.o compress.o uncompr.o gzclose.o gzlib.o gzread.o gzwrite.o"]),
      ("install", "make install", ["rm -f %s/software/zlib/1.3.1-GCCcore-13.3.0/lib/libz.a" % EB_INSTALL,
                                "cp libz.a %s/software/zlib/1.3.1-GCCcore-13.3.0/lib" % EB_INSTALL,
                                "chmod 644 %s/software/zlib/1.3.1-GCCcore-13.3.0/lib/libz.a" % EB_INSTALL])]),
]
STEPS = [("fetch", "fetching files and verifying checksums", ["fetch_step", "checksum_step"]),
         ("ready", "creating build dir, resetting environment",
          ["check_readiness_step", "make_builddir", "reset_env", "handle_iterate_opts"]),
         ("extract", "unpacking", ["extract_step"]), ("patch", "patching", ["patch_step"]),
         ("prepare", "preparing", ["prepare_step"]), ("configure", "configuring", ["configure_step"]),
         ("build", "building", ["build_step"]), ("test", "testing", ["test_step"]),
         ("install", "installing", ["stage_install_step", "make_installdir", "install_step"]),
         ("extensions", "taking care of extensions", ["extensions_step"]),
         ("postiter", "restore after iterating", ["post_iter_step"]),
         ("postproc", "postprocessing", ["post_processing_step"]),
         ("sanitycheck", "sanity checking", ["sanity_check_step"]), ("cleanup", "cleaning up", ["cleanup_step"]),
         ("module", "creating module", ["make_module_step"]), ("permissions", "permissions", ["permissions_step"]),
         ("package", "packaging", ["package_step"])]


def took(secs):
    """EasyBuild's time2str (easybuild/tools/utilities.py)."""
    mins, secs = divmod(secs, 60)
    return ("%d %s " % (mins, "min" if mins == 1 else "mins") if mins else "") + "%d %s" % (
        secs, "sec" if secs == 1 else "secs")


def stream_easybuild_kiwi():
    stream = []
    eb = Program("easybuild", "easybuild", logging.Formatter(EASYBUILD), stream)
    kw = Program("kiwi", "kiwi", logging.Formatter(KIWI, KIWI_DATEFMT), stream)
    ebl = lg(eb, "easybuild")
    log = lg(kw, "kiwi")

    def eb_at(level, module, line, func, msg, *args):
        at(ebl, level, EB_SITE + module, line, func, msg, *args)

    def print_msg(msg, log_it=True):
        """build_log.print_msg: the record (its caller is print_msg itself,
        build_log.py:329), then the "== " line."""
        if log_it:
            eb_at(logging.INFO, "tools/build_log.py", 329, "print_msg", msg)
        for line in ("== " + msg).split("\n"):
            printed(stream, line)

    def trace(msg):
        for line in ("  >> " + msg).split("\n"):
            printed(stream, line)

    container(stream, "Running on CodeBuild On-demand")
    container(stream, "Waiting for agent ping")
    container(stream, "Waiting for DOWNLOAD_SOURCE")
    container(stream, "Phase is DOWNLOAD_SOURCE")
    container(stream, "CODEBUILD_SRC_DIR=/codebuild/output/src2871/src/git-codecommit.us-east-1.amazonaws.com/v1/"
                      "repos/hpc-compute-image")
    container(stream, "Entering phase INSTALL")
    container(stream, "Running command pip install --quiet easybuild==5.2.1 kiwi==10.3.9")
    container(stream, "Phase complete: INSTALL State: SUCCEEDED")
    container(stream, "Entering phase BUILD")
    container(stream, "Running command eb --robot --logtostdout --installpath=%s zlib-1.3.1-GCCcore-13.3.0.eb"
              % EB_INSTALL)
    eb_at(logging.INFO, "tools/build_log.py", 291, "log_start",
          "This is EasyBuild 5.2.1 (framework: 5.2.1, easyblocks: 5.2.1) on host %s." % EB_HOST)
    eb_at(logging.INFO, "tools/build_log.py", 294, "log_start", "Command line: %s",
          "eb --robot --logtostdout --installpath=%s zlib-1.3.1-GCCcore-13.3.0.eb" % EB_INSTALL)
    eb_at(logging.INFO, "tools/build_log.py", 296, "log_start", "Using %s as temporary directory", EB_TMP)
    eb_at(logging.INFO, "tools/robot.py", 60, "det_robot_path", "Using robot path(s): %s",
          ["/usr/local/easybuild/easyconfigs"])
    total = 0
    for name, version, tc, easyblock, commands in EASYCONFIGS:
        full = "%s/%s-%s" % (name, version, tc)
        spec = "/usr/local/easybuild/easyconfigs/%s/%s/%s-%s-%s.eb" % (name[0], name, name, version, tc)
        builddir = "%s/build/%s/%s/%s/%s-%s" % (EB_TMP, name, version, tc, name, version)
        installdir = "%s/software/%s/%s-%s" % (EB_INSTALL, name, version, tc)
        print_msg("processing EasyBuild easyconfig %s" % spec)
        eb_at(logging.INFO, "framework/easyblock.py", 5059, "build_and_install_one", "Resetting environment")
        eb_at(logging.INFO, "framework/easyblock.py", 5076, "build_and_install_one",
              "Obtained application instance for %s (easyblock: %s)" % (name, easyblock))
        eb_at(logging.INFO, "framework/easyblock.py", 380, "__init__",
              "This is EasyBuild 5.2.1 (framework: 5.2.1, easyblocks: 5.2.1) on host %s." % EB_HOST)
        print_msg("building and installing %s..." % full)
        trace("installation prefix: %s" % installdir)
        secs = 0
        for step, descr, methods in STEPS:
            print_msg("%s..." % descr)
            eb_at(logging.INFO, "framework/easyblock.py", 4746, "run_step", "Starting %s step", step)
            for method in methods:
                eb_at(logging.INFO, "framework/easyblock.py", 4757, "run_step", "Running method %s part of step %s",
                      method, step)
            spent = 0
            for cmd_step, cmd, output in commands:
                if cmd_step != step:
                    continue
                cmd_name = cmd.split(" ", 1)[0]
                short = "'%s ...' shell command" % cmd_name
                outdir = "/tmp/run-shell-cmd-output/%s-%s" % (cmd_name.lstrip("./"), "x7fq2ol" if step == "build"
                                                             else "k0d3mz1")
                eb_at(logging.INFO, "tools/run.py", 453, "run_shell_cmd", "Auto-enabling streaming output of '%s' "
                      "command because logging to stdout is enabled" % short)
                eb_at(logging.INFO, "tools/run.py", 478, "run_shell_cmd", "run_shell_cmd: " + "\n".join([
                    "Script to start debug shell for %s" % short, "\twill be saved to %s/cmd.sh" % outdir,
                    "\toutput will be logged to %s/out.txt" % outdir]))
                trace("\n".join(["running shell command:", "\t" + cmd, "\t[started at: %s]" % now("%Y-%m-%d %H:%M:%S"),
                                 "\t[working dir: %s]" % builddir, "\t[output and state saved to %s]" % outdir]))
                eb_at(logging.INFO, "tools/run.py", 504, "run_shell_cmd",
                      "Path to bash that will be used to run shell commands: /usr/bin/bash")
                eb_at(logging.INFO, "tools/run.py", 518, "run_shell_cmd", "Running %s in %s:\n\t%s" % (
                    short, builddir, cmd))
                for line in output:
                    printed(stream, line)
                spent = 3 + len(output) * 2
                trace("command completed: exit 0, ran in 00h00m%02ds" % spent)
                eb_at(logging.INFO, "tools/run.py", 632, "run_shell_cmd", "%s completed successfully" % short)
            if step == "sanitycheck":
                eb_at(logging.INFO, "framework/easyblock.py", 4121, "_set_sanity_check_paths",
                      "Using default sanity check paths: %s",
                      {"files": [], "dirs": ["bin", "lib", "lib64"], "dirs_any": True})
            if step == "module" and name == "zlib":
                eb_at(logging.INFO, "framework/easyblock.py", 2567, "make_module_step",
                      "Removing existing module file %s",
                      "%s/modules/all/zlib/1.3.1-GCCcore-13.3.0.lua" % EB_INSTALL)
            secs += spent or 1
            print_msg("... (took %s)" % (took(spent) if spent else "< 1 sec"))
        eb_at(logging.INFO, "framework/easyblock.py", 5187, "build_and_install_one", "Collecting build stats...")
        eb_at(logging.INFO, "framework/easyblock.py", 5190, "build_and_install_one", "Build stats: %s" % {
            "build_time": float(secs), "command_line": ["--robot", "--logtostdout", "--installpath=%s" % EB_INSTALL],
            "core_count": 8, "cpu_arch": "x86_64", "cpu_model": "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz",
            "easybuild-framework": "5.2.1", "host": EB_HOST, "install_size": 1204137 + len(name) * 911,
            "modules_tool": ("Lmod", "/usr/share/lmod/lmod/libexec/lmod", "8.7.32"), "os_name": "Amazon Linux",
            "os_type": "Linux", "os_version": "2023", "platform_name": "x86_64-unknown-linux",
            "python_version": "3.11.6", "timestamp": int(realworld.CLOCK.t)})
        eb_at(logging.INFO, "framework/easyblock.py", 5216, "build_and_install_one",
              "Wrote files for reproducibility to %s", "%s/easybuild/reprod" % installdir)
        total += secs
        print_msg("COMPLETED: Installation ended successfully (took %s)" % took(secs))
        print_msg("Results of the build can be found in the log file(s) %s/easybuild/easybuild-%s-%s-%s.log" % (
            installdir, name, version, now("%Y%m%d.%H%M%S")))
    print_msg("Build succeeded for 1 out of 1 (total: %s)" % took(total + 9))
    print_msg("Temporary directory %s has been removed." % EB_TMP, log_it=False)
    container(stream, "Running command kiwi-ng --debug --profile EC2 system build --description image "
                      "--target-dir /build/out")

    # KIWI NG: kiwi/xml_description.py, tasks/base.py, tasks/system_build.py,
    # system/prepare.py, system/setup.py, builder/disk.py, system/result.py.
    image = "/build/out/build/image-root"
    log.info("Loading XML description: /codebuild/output/src2871/src/image/appliance.kiwi")
    log.info("--> loaded %s", "/codebuild/output/src2871/src/image/appliance.kiwi")
    log.info("--> Selected build type: %s", "oem")
    log.info("--> Selected profiles: %s", "EC2")
    log.info("Preparing new root system")
    log.info("Setup root directory: %s", image)
    for alias, uri in (("repo-oss", "https://download.opensuse.org/distribution/leap/15.6/repo/oss"),
                       ("repo-update", "https://download.opensuse.org/update/leap/15.6/oss")):
        log.info("Setting up repository %s", uri)
        log.info("--> Type: {0}".format("rpm-md"))
        log.info("--> Translated: {0}".format(uri))
        log.info("--> Alias: {0}".format(alias))
    log.debug("EXEC: [%s]", "zypper --non-interactive --gpg-auto-import-keys --root %s refresh" % image)
    log.info("Installing bootstrap packages")
    log.info("--> collection type: %s", "onlyRequired")
    for package in ("filesystem", "glibc-locale", "ca-certificates", "cracklib-dict-full", "openSUSE-release",
                    "zypper"):
        log.info("--> package: {0}".format(package))
    printed(stream, "[ INFO    ]: Processing: [" + "#" * 40 + "] 100%")
    log.info("Installing system (chroot) for build type: %s", "oem")
    log.info("--> collection type: %s", "onlyRequired")
    for package in ("kernel-default", "grub2-x86_64-efi", "shim", "dracut-kiwi-oem-repart", "systemd", "cloud-init",
                    "openssh-server", "chrony", "nfs-client", "lua-lmod", "amazon-ssm-agent"):
        log.info("--> package: {0}".format(package))
    printed(stream, "[ INFO    ]: Processing: [" + "#" * 40 + "] 100%")
    log.info("Importing Image description to system tree")
    log.info("--> Importing state XML description to {0}".format(image + "/image/config.xml"))
    log.info("--> Importing script helper functions")
    log.info("--> Importing {0} script to {1}".format("config.sh", image + "/image/config.sh"))
    log.info("Setting up keytable: {0}".format("us"))
    log.warning("keyboard setup skipped no capable systemd-firstboot or etc/sysconfig/keyboard found")
    log.info("Setting up locale: {0}".format("en_US"))
    log.info("Setting up timezone: {0}".format("UTC"))
    log.info("Setting up user {0}".format("ec2-user"))
    log.info("--> Adding user: {0}".format("ec2-user"))
    log.info("Creating image identifier: {0} in {1}".format("0x2f1b7c4e", image + "/boot/mbrid"))
    log.info("Export rpm packages metadata")
    log.info("Export rpm verification metadata")
    log.info("Creating system image")
    log.info("Preparing boot system")
    log.info("Creating generic dracut initrd archive")
    log.debug("EXEC: [%s]", "chroot %s dracut --verbose --no-hostonly --no-hostonly-cmdline --xz "
              "--install /.profile --add kiwi-repart /boot/initrd-6.4.0-150600.23.47-default 6.4.0-150600.23.47-default"
              % image)
    log.info("Creating raw disk image %s", "/build/out/hpc-compute.x86_64-1.4.2.raw")
    log.debug("EXEC: [%s]", "qemu-img create /build/out/hpc-compute.x86_64-1.4.2.raw 10240M")
    log.debug("Initialize %s disk", "gpt")
    log.info("--> creating EFI CSM(legacy bios) partition")
    log.info("--> creating EFI partition")
    log.info("--> creating root partition [with {0} clone(s)]".format(0))
    log.info("Creating EFI(fat16) filesystem on %s", "/dev/mapper/loop0p2")
    log.info("Creating root({0}) filesystem on {1}".format("xfs", "/dev/mapper/loop0p3"))
    log.info("Syncing system to image")
    log.info("--> Syncing EFI boot data to EFI partition")
    log.info("--> Syncing root filesystem data")
    log.debug("EXEC: [%s]", "rsync --archive --hard-links --xattrs --acls --one-file-system --inplace "
              "--exclude /image --exclude /.kconfig --exclude /.profile %s/ /tmp/kiwi_mount_manager.x0b3jz/" % image)
    log.info("Creating generic system etc/fstab")
    log.info("Creating %s bootloader configuration", "grub2")
    log.info("Writing KIWI template grub.cfg file")
    log.info("Writing grub2 defaults file")
    for key, value in (("GRUB_TIMEOUT", "10"), ("GRUB_TERMINAL", '"console"'),
                       ("GRUB_CMDLINE_LINUX_DEFAULT",
                        '"console=ttyS0,115200 net.ifnames=0 nvme_core.io_timeout=4294967295"')):
        log.info("--> {0}:{1}".format(key, value))
    log.info("Creating grub2 bootloader images")
    log.info("--> Using prebuilt unsigned efi image: %s" % "/usr/share/grub2/x86_64-efi/grub.efi")
    log.info("Copy boot files to system image")
    log.info("--> boot image kernel as %s", "vmlinuz-6.4.0-150600.23.47-default")
    log.info("--> initrd archive as %s", "initrd-6.4.0-150600.23.47-default")
    log.info("umount %s instance", "FileSystemXfs")
    log.info("Cleaning up %s instance", "Disk")
    log.info("Result files:")
    for key, value in (("disk_image", "/build/out/hpc-compute.x86_64-1.4.2.raw"),
                       ("image_packages", "/build/out/hpc-compute.x86_64-1.4.2.packages"),
                       ("image_verified", "/build/out/hpc-compute.x86_64-1.4.2.verified")):
        log.info("--> {0}: {1}".format(key, value))

    # The GPU profile's build runs out of the CodeBuild disk: an OSError
    # KIWI does not expect (kiwi/kiwi.py main: "Unexpected error:", then
    # the exception goes on to the interpreter).
    container(stream, "Running command kiwi-ng --debug --profile EC2-GPU system build --description image "
                      "--target-dir /build/out-gpu")
    log.info("Loading XML description: /codebuild/output/src2871/src/image/appliance.kiwi")
    log.info("--> Selected profiles: %s", "EC2-GPU")
    log.info("Creating system image")
    log.info("Syncing system to image")
    log.info("--> Syncing root filesystem data")
    log.error("Unexpected error:")

    def sync_system(source, target):
        def sync_data(exclude):
            def copy():
                raise OSError(28, "No space left on device")
            copy()
        sync_data(["/image", "/.kconfig"])

    uncaught(stream, sync_system, "/build/out-gpu/build/image-root", "/tmp/kiwi_mount_manager.q81hd0")
    container(stream, "Command did not exit successfully kiwi-ng --debug --profile EC2-GPU system build --description "
                      "image --target-dir /build/out-gpu exit status 1")
    container(stream, "Phase complete: BUILD State: FAILED")
    container(stream, "Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: "
                      "kiwi-ng --debug --profile EC2-GPU system build --description image --target-dir /build/out-gpu. "
                      "Reason: exit status 1")
    return {"name": "easybuild-kiwi", "programs": [eb, kw], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_kfp_openclip(), stream_pulsar_covalent(), stream_easybuild_kiwi()])


if __name__ == "__main__":
    main()
