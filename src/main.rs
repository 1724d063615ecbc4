//! The `logs-to-firehose` binary. All of it lives in the library, so that
//! tests and benchmarks exercise exactly what runs in Lambda.

/// mimalloc keeps freed memory for reuse. With glibc's allocator every
/// delivery's buffers went back to the kernel and were page-faulted in again
/// on the next one, which was half of the CPU time (see the README's figures).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    logs_to_firehose::entry::main()
}
