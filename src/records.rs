//! The one output buffer: every record of an invocation back to back,
//! and record packing, which only moves the boundaries between them.

/// Every record of an invocation, back to back in one buffer (each ends
/// with `\n`), with where each ends. One allocation instead of one per
/// record: less memory, and stdout gets them in a single write.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Records {
    data: Vec<u8>,
    ends: Vec<usize>,
}

impl Records {
    pub(crate) fn with_capacity(bytes: usize, records: usize) -> Records {
        Records {
            data: Vec::with_capacity(bytes),
            ends: Vec::with_capacity(records),
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Record `i`, `\n` included.
    pub(crate) fn get(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.data[start..self.ends[i]]
    }

    pub(crate) fn iter(&self) -> impl ExactSizeIterator<Item = &[u8]> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Every record, concatenated, as Firehose writes them to S3.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.data
    }

    /// Every record, concatenated, without copying them.
    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.data
    }

    /// Appends every record of `other`, in order: one invocation's records
    /// gathered from several deliveries (the stream records of a Kinesis
    /// event). Into an empty buffer `other` is moved, not copied.
    pub(crate) fn append(&mut self, other: Records) {
        if self.ends.is_empty() {
            *self = other;
            return;
        }
        let base = self.data.len();
        self.data.extend_from_slice(&other.data);
        self.ends.extend(other.ends.iter().map(|e| e + base));
    }

    /// Appends a finished record.
    pub(crate) fn push(&mut self, record: &[u8]) {
        self.data.extend_from_slice(record);
        self.ends.push(self.data.len());
    }

    /// The same bytes as fewer, larger records: consecutive records joined,
    /// newline-delimited, into records of at most `limit` bytes
    /// (`RECORD_PACKING`). Nothing is copied; only the boundaries change.
    /// A record already over `limit` stays alone.
    pub(crate) fn packed(self, limit: usize) -> Records {
        let mut ends = Vec::with_capacity(self.data.len() / limit.max(1) + 1);
        let mut start = 0;
        let mut prev = 0;
        for &end in &self.ends {
            if end - start > limit && prev > start {
                ends.push(prev);
                start = prev;
            }
            prev = end;
        }
        if prev > start {
            ends.push(prev);
        }
        Records {
            data: self.data,
            ends,
        }
    }

    /// Where the next record starts; write it into [`Records::buffer`],
    /// then [`Records::commit`] or [`Records::rollback`].
    pub(crate) fn start(&self) -> usize {
        self.data.len()
    }

    pub(crate) fn buffer(&mut self) -> &mut Vec<u8> {
        &mut self.data
    }

    pub(crate) fn commit(&mut self) {
        self.ends.push(self.data.len());
    }

    pub(crate) fn rollback(&mut self, start: usize) {
        self.data.truncate(start);
    }
}

impl FromIterator<Vec<u8>> for Records {
    fn from_iter<I: IntoIterator<Item = Vec<u8>>>(iter: I) -> Records {
        let mut r = Records::default();
        for rec in iter {
            r.push(&rec);
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_joins_records_up_to_the_limit_exactly_and_never_splits_one() {
        let records: Records = [10usize, 20, 30, 5, 100, 1, 1]
            .iter()
            .map(|&n| vec![b'x'; n])
            .collect();
        let packed = records.clone().packed(60);
        let sizes: Vec<usize> = packed.iter().map(<[u8]>::len).collect();
        // 10+20+30 = 60 fits exactly; 5 alone before the 100 that is over;
        // the 100 alone; then 1+1.
        assert_eq!(sizes, [60, 5, 100, 2]);
        assert_eq!(packed.as_bytes(), records.as_bytes());
        assert!(Records::default().packed(60).is_empty());
    }

    #[test]
    fn appending_keeps_every_record_of_both_in_order() {
        let mut a: Records = [b"one\n".to_vec(), b"two\n".to_vec()].into_iter().collect();
        let b: Records = [b"three\n".to_vec()].into_iter().collect();
        a.append(b);
        a.append(Records::default());
        let mut empty = Records::default();
        empty.append(a.clone());
        assert_eq!(empty, a);
        let all: Vec<&[u8]> = a.iter().collect();
        assert_eq!(all, [&b"one\n"[..], b"two\n", b"three\n"]);
    }
}
