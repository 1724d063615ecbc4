//! The `logs-to-firehose` binary. All of it lives in the library, so that
//! tests and benchmarks exercise exactly what runs in Lambda.

fn main() -> std::process::ExitCode {
    logs_to_firehose::main()
}
