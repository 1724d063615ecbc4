//! The one output buffer: every record of an invocation back to back,
//! and record packing, which only moves the boundaries between them.
//!
//! A sink that can name its documents (OpenSearch's `_bulk`, with `_id`
//! for exactly-once) also needs each record's key: the CloudWatch event id
//! with the record's number within its event, and the event's time. The
//! pipeline keeps them beside the records only when asked ([`Keys`]), so
//! the Firehose path pays nothing for them.

/// Every record of an invocation, back to back in one buffer (each ends
/// with `\n`), with where each ends. One allocation instead of one per
/// record: less memory, and stdout gets them in a single write.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Records {
    data: Vec<u8>,
    ends: Vec<usize>,
    /// Each record's key, when the pipeline keeps them.
    keys: Option<Keys>,
}

/// Every record's key, in record order: its document id, and its event's
/// timestamp, which names its daily index. The id is the delivery's scope
/// (a hash of owner, log group and log stream: CloudWatch event ids are
/// unique within a log stream, not across groups or accounts), the
/// CloudWatch event id, and `-N` for the N-th further record of the same
/// event (a split part, or the next JSON object of an event that held
/// several): `<scope>-<event id>[-N]`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Keys {
    ids: Vec<u8>,
    id_ends: Vec<usize>,
    times: Vec<i64>,
    /// The event of the last record given a key, and how many records it
    /// has had: the records of one event are always consecutive.
    last_event: String,
    of_last: u32,
    /// The scope of the records being given keys, as 16 hex digits.
    scope: String,
    /// The log group of the records from each delivery, by the first
    /// record's number, ascending: a sink may route by it (the direct
    /// path's per-app index).
    groups: Vec<(usize, String)>,
    /// Records whose index is named outright rather than by their time
    /// (a redriven document goes back to the index that refused it), by
    /// record number, ascending.
    named: Vec<(usize, String)>,
}

impl Keys {
    /// The id and time of record `i`.
    pub(crate) fn get(&self, i: usize) -> (&str, i64) {
        let start = if i == 0 { 0 } else { self.id_ends[i - 1] };
        // Ids are written only from `&str`, so this can't fail; an empty
        // id would be refused by the sink's own check, never sent.
        let id = std::str::from_utf8(&self.ids[start..self.id_ends[i]]).unwrap_or_default();
        (id, self.times[i])
    }

    /// The log group record `i` came from (`None` for a key given whole).
    pub(crate) fn group(&self, i: usize) -> Option<&str> {
        let at = self.groups.partition_point(|(first, _)| *first <= i);
        at.checked_sub(1).map(|at| self.groups[at].1.as_str())
    }

    /// The index record `i` was named into, if it was.
    pub(crate) fn index(&self, i: usize) -> Option<&str> {
        let at = self.named.binary_search_by_key(&i, |(n, _)| *n).ok()?;
        Some(&self.named[at].1)
    }

    /// A key given whole: a redriven document's id and index, as the
    /// failed-document file recorded them.
    fn push_named(&mut self, id: &str, index: &str) {
        self.ids.extend_from_slice(id.as_bytes());
        self.id_ends.push(self.ids.len());
        self.times.push(0);
        if !index.is_empty() {
            self.named.push((self.times.len() - 1, index.to_owned()));
        }
    }

    fn push(&mut self, event_id: &str, time_ms: i64) {
        if self.last_event == event_id {
            self.of_last += 1;
        } else {
            self.last_event.clear();
            self.last_event.push_str(event_id);
            self.of_last = 0;
        }
        let ordinal = self.of_last;
        self.ids.extend_from_slice(self.scope.as_bytes());
        self.ids.push(b'-');
        self.ids.extend_from_slice(event_id.as_bytes());
        if ordinal > 0 {
            self.ids.push(b'-');
            self.ids.extend_from_slice(ordinal.to_string().as_bytes());
        }
        self.id_ends.push(self.ids.len());
        self.times.push(time_ms);
    }

    fn len(&self) -> usize {
        self.times.len()
    }
}

impl Records {
    pub(crate) fn with_capacity(bytes: usize, records: usize) -> Records {
        Records {
            data: Vec::with_capacity(bytes),
            ends: Vec::with_capacity(records),
            keys: None,
        }
    }

    /// Starts keeping each record's key (see [`Keys`]), for records of
    /// the log stream `owner`, `group`, `stream`.
    pub(crate) fn keep_keys(&mut self, owner: &str, group: &str, stream: &str) {
        let first = self.len();
        let keys = self.keys.get_or_insert_with(Keys::default);
        keys.scope = format!("{:016x}", scope(owner, group, stream));
        keys.groups.push((first, group.to_owned()));
    }

    /// The records' keys, if they were kept for every record.
    pub(crate) fn keys(&self) -> Option<&Keys> {
        self.keys.as_ref().filter(|k| k.len() == self.len())
    }

    /// Appends a record whose key is given whole (see `Keys::push_named`),
    /// keeping keys.
    pub(crate) fn push_named(&mut self, record: &[u8], id: &str, index: &str) {
        self.push(record);
        self.keys
            .get_or_insert_with(Keys::default)
            .push_named(id, index);
    }

    /// Keys the records committed since there were `before`, all of event
    /// `event_id`, if keys are kept.
    pub(crate) fn key_since(&mut self, before: usize, event_id: &str, time_ms: i64) {
        let after = self.len();
        if let Some(keys) = &mut self.keys {
            for _ in before..after {
                keys.push(event_id, time_ms);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Record `i`, `\n` included.
    pub fn get(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.data[start..self.ends[i]]
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[u8]> + '_ {
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
        if other.ends.is_empty() {
            return;
        }
        let base = self.data.len();
        self.data.extend_from_slice(&other.data);
        self.ends.extend(other.ends.iter().map(|e| e + base));
        match (&mut self.keys, other.keys) {
            (Some(mine), Some(theirs)) => {
                let base = mine.ids.len();
                mine.ids.extend_from_slice(&theirs.ids);
                mine.id_ends.extend(theirs.id_ends.iter().map(|e| e + base));
                let records = mine.times.len();
                mine.times.extend_from_slice(&theirs.times);
                mine.named
                    .extend(theirs.named.into_iter().map(|(n, i)| (n + records, i)));
                mine.groups
                    .extend(theirs.groups.into_iter().map(|(n, g)| (n + records, g)));
            }
            // Keys only where every record has one.
            (mine, _) => *mine = None,
        }
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
        // Packing is for S3 only, where no record is named.
        Records {
            data: self.data,
            ends,
            keys: None,
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

/// FNV-1a (64-bit) of the three names, NUL-separated: stable across
/// versions and machines, so a document's id never changes.
fn scope(owner: &str, group: &str, stream: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [owner, group, stream] {
        for &b in part.as_bytes().iter().chain(&[0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
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
    fn the_records_of_one_event_get_the_events_id_then_numbered_ids_and_appending_keeps_them() {
        let mut a = Records::default();
        a.keep_keys("1", "/g", "s");
        a.push(b"{}\n");
        a.key_since(0, "111", 5);
        a.push(b"{}\n");
        a.push(b"{}\n");
        a.key_since(1, "222", 6);
        a.push(b"{}\n");
        a.key_since(3, "222", 6);
        let mut b = Records::default();
        b.keep_keys("1", "/billing", "s");
        b.push(b"{}\n");
        b.key_since(0, "333", 7);
        a.append(b);
        let keys = a.keys().unwrap();
        let ids: Vec<(String, i64)> = (0..5)
            .map(|i| keys.get(i))
            .map(|(id, t)| (id.to_owned(), t))
            .collect();
        let (s, t) = (
            format!("{:016x}", scope("1", "/g", "s")),
            format!("{:016x}", scope("1", "/billing", "s")),
        );
        let want = [
            (&s, "111", 5),
            (&s, "222", 6),
            (&s, "222-1", 6),
            (&s, "222-2", 6),
            (&t, "333", 7),
        ]
        .map(|(scope, id, t)| (format!("{scope}-{id}"), t));
        assert_eq!(ids, want);
        // Each record knows its delivery's log group, for a sink to route
        // by.
        let groups: Vec<Option<&str>> = (0..5).map(|i| keys.group(i)).collect();
        assert_eq!(
            groups,
            [
                Some("/g"),
                Some("/g"),
                Some("/g"),
                Some("/g"),
                Some("/billing")
            ]
        );
        // The same event id in another log stream, group or account is
        // another document.
        assert_ne!(scope("1", "/g", "s"), scope("1", "/g", "t"));
        assert_ne!(scope("1", "/g", "s"), scope("2", "/g", "s"));
        assert_ne!(scope("1", "/gs", ""), scope("1", "/g", "s"));
        // Records without keys leave the whole buffer without, never half.
        a.append([b"x\n".to_vec()].into_iter().collect());
        assert!(a.keys().is_none());
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
