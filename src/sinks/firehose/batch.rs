//! Batching: splitting records into `PutRecordBatch` calls that respect the
//! service's limits.
//!
//! Limits, from the Amazon Data Firehose quota page
//! (<https://docs.aws.amazon.com/firehose/latest/dev/limits.html>) and the
//! `PutRecordBatch` reference
//! (<https://docs.aws.amazon.com/firehose/latest/APIReference/API_PutRecordBatch.html>):
//! "up to 500 records per call or 4 MiB per call, whichever is smaller", and
//! "the maximum size of a record ..., before base64-encoding, is 1,000 KiB".
//! Sizes are counted as the service counts them: the data bytes before the
//! SDK base64-encodes them.

use std::ops::Range;

/// At most this many records in one `PutRecordBatch` call.
/// <https://docs.aws.amazon.com/firehose/latest/dev/limits.html>
pub const MAX_RECORDS_PER_CALL: usize = 500;

/// At most this many data bytes (before base64) in one call.
/// <https://docs.aws.amazon.com/firehose/latest/dev/limits.html>
pub const MAX_BYTES_PER_CALL: usize = 4 * 1024 * 1024;

/// At most this many data bytes (before base64) in one record.
/// <https://docs.aws.amazon.com/firehose/latest/dev/limits.html>
pub const MAX_RECORD_BYTES: usize = 1000 * 1024;

/// Splits records, given their sizes in order, into consecutive index
/// ranges, each a valid `PutRecordBatch` call.
///
/// Greedy packing is optimal here: for a fixed order, closing a batch only
/// when the next record would break a limit gives the fewest batches.
/// Order is kept so that a log stream reads in order at the destination.
///
/// A record over [`MAX_RECORD_BYTES`] should have been truncated or split
/// by the oversize policy before it gets here. If one arrives anyway it gets
/// a batch of its own, so the service's rejection of it can't take other
/// records down with it.
pub fn plan(sizes: &[usize]) -> Vec<Range<usize>> {
    let mut batches = Vec::with_capacity(sizes.len() / MAX_RECORDS_PER_CALL + 1);
    let mut start = 0;
    let mut bytes = 0;
    for (i, &size) in sizes.iter().enumerate() {
        let oversize = size > MAX_RECORD_BYTES;
        let full = i - start == MAX_RECORDS_PER_CALL || bytes + size > MAX_BYTES_PER_CALL;
        if i > start && (full || oversize) {
            batches.push(start..i);
            start = i;
            bytes = 0;
        }
        bytes += size;
        if oversize {
            batches.push(start..i + 1);
            start = i + 1;
            bytes = 0;
        }
    }
    if start < sizes.len() {
        batches.push(start..sizes.len());
    }
    batches
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_limits(sizes: &[usize], batches: &[Range<usize>]) {
        let mut next = 0;
        for b in batches {
            assert_eq!(b.start, next, "batches must cover every record in order");
            assert!(!b.is_empty());
            next = b.end;
            let bytes: usize = sizes[b.clone()].iter().sum();
            if b.len() > 1 {
                assert!(b.len() <= MAX_RECORDS_PER_CALL);
                assert!(bytes <= MAX_BYTES_PER_CALL, "{bytes}");
                assert!(sizes[b.clone()].iter().all(|&s| s <= MAX_RECORD_BYTES));
            }
        }
        assert_eq!(next, sizes.len());
    }

    #[test]
    fn no_records_make_no_calls() {
        assert!(plan(&[]).is_empty());
    }

    #[test]
    fn one_record_makes_one_call() {
        assert_eq!(plan(&[10]), vec![0..1]);
    }

    #[test]
    fn five_hundred_records_fit_one_call_and_the_501st_starts_another() {
        assert_eq!(plan(&[100; 500]), vec![0..500]);
        assert_eq!(plan(&[100; 501]), vec![0..500, 500..501]);
    }

    #[test]
    fn exactly_four_mib_fits_one_call_and_one_byte_more_does_not() {
        // Four records at the record limit, plus what is left of 4 MiB.
        let rest = MAX_BYTES_PER_CALL - 4 * MAX_RECORD_BYTES;
        let mut sizes = vec![MAX_RECORD_BYTES; 4];
        sizes.push(rest);
        assert_eq!(sizes.iter().sum::<usize>(), MAX_BYTES_PER_CALL);
        assert_eq!(plan(&sizes), vec![0..5]);
        sizes[4] = rest + 1;
        let batches = plan(&sizes);
        assert_eq!(batches, vec![0..4, 4..5]);
        check_limits(&sizes, &batches);
    }

    #[test]
    fn a_record_of_exactly_the_record_limit_is_batched_normally() {
        let sizes = [10, MAX_RECORD_BYTES, 10];
        assert_eq!(plan(&sizes), vec![0..3]);
    }

    #[test]
    fn a_record_over_the_record_limit_is_isolated_in_its_own_call() {
        let sizes = [10, MAX_RECORD_BYTES + 1, 10];
        assert_eq!(plan(&sizes), vec![0..1, 1..2, 2..3]);
    }

    #[test]
    fn ten_thousand_small_records_take_the_minimum_of_twenty_calls() {
        let sizes = vec![230; 10_000];
        let batches = plan(&sizes);
        assert_eq!(batches.len(), 20);
        check_limits(&sizes, &batches);
    }

    #[test]
    fn large_records_are_limited_by_bytes_not_count() {
        // 10 KiB records: 409 fit in 4 MiB.
        let sizes = vec![10 * 1024; 1000];
        let batches = plan(&sizes);
        assert_eq!(batches[0], 0..409);
        assert_eq!(batches.len(), 3);
        check_limits(&sizes, &batches);
    }

    #[test]
    fn mixed_sizes_never_break_a_limit() {
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..200 {
            let sizes: Vec<usize> = (0..rng.usize(0..1200))
                .map(|_| match rng.u8(0..10) {
                    0 => rng.usize(MAX_RECORD_BYTES / 2..=MAX_RECORD_BYTES + 10),
                    _ => rng.usize(1..5000),
                })
                .collect();
            check_limits(&sizes, &plan(&sizes));
        }
    }
}
