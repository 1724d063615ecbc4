//! The one JSON writer: string literals, typed values and RFC 3339 times,
//! written straight into byte buffers. Every document, answer and metric
//! the function produces is written with these, so escaping is decided in
//! one place.

use std::borrow::Cow;

use crate::model::Value;

/// Writes a JSON string literal with escaping.
///
/// This runs for every value of every record, so it checks 16 bytes at a
/// time for anything that needs escaping (`"`, `\\`, control characters),
/// with a branch-free test the compiler turns into SIMD compares, and
/// copies clean runs whole. Most log text has nothing to escape.
pub(crate) fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    loop {
        // Skip clean 16-byte chunks.
        while let Some(chunk) = bytes.get(i..i + 16) {
            if chunk.iter().fold(false, |bad, &b| bad | escapes(b)) {
                break;
            }
            i += 16;
        }
        // Then byte by byte, to the end of this chunk.
        let stop = (i + 16).min(bytes.len());
        while i < stop {
            let b = bytes[i];
            if escapes(b) {
                out.extend_from_slice(&bytes[start..i]);
                write_escape(out, b);
                start = i + 1;
            }
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[inline(always)]
fn escapes(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\')
}

#[cold]
fn write_escape(out: &mut Vec<u8>, b: u8) {
    let short: &[u8] = match b {
        b'"' => b"\\\"",
        b'\\' => b"\\\\",
        b'\n' => b"\\n",
        b'\r' => b"\\r",
        b'\t' => b"\\t",
        0x08 => b"\\b",
        0x0c => b"\\f",
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(b >> 4) as usize],
                HEX[(b & 15) as usize],
            ]);
            return;
        }
    };
    out.extend_from_slice(short);
}

pub(crate) fn write_value(out: &mut Vec<u8>, value: &Value<'_>) {
    match value {
        Value::Str(s) => write_str(out, s),
        // serde_json writes numbers with itoa and ryu; floats keep their
        // `.0`, as Python's json does.
        Value::Int(n) => {
            let _ = serde_json::to_writer(&mut *out, n);
        }
        Value::Float(f) if f.is_finite() => {
            let _ = serde_json::to_writer(&mut *out, f);
        }
        // JSON has no NaN or infinity; python-json-logger would write
        // invalid JSON here, we write null instead.
        Value::Float(_) | Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Raw(text) => out.extend_from_slice(text.as_bytes()),
    }
}

/// Formats ms since the epoch as RFC 3339 UTC with milliseconds, e.g.
/// `2024-05-11T14:44:44.123Z`. Hand-written because this runs per record
/// and needs no time zone database; the `YYYY-MM-DDTHH:MM:SS` part is
/// cached, since records of a delivery mostly share their second.
pub(crate) fn write_rfc3339_millis(out: &mut Vec<u8>, ms: i64) {
    thread_local! {
        static LAST: std::cell::Cell<(i64, [u8; 19])> = const { std::cell::Cell::new((i64::MIN, [0; 19])) };
    }
    let secs = ms.div_euclid(1000);
    let millis = ms.rem_euclid(1000) as u16;
    let prefix = LAST.with(|last| {
        let (cached, text) = last.get();
        if cached == secs {
            return text;
        }
        let days = secs.div_euclid(86_400);
        let sod = secs.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        let mut text = [0u8; 19];
        let y = y.clamp(0, 9999) as u16;
        let digits2 = |n: u32| [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
        text[0..4].copy_from_slice(&[
            b'0' + (y / 1000) as u8,
            b'0' + (y / 100 % 10) as u8,
            b'0' + (y / 10 % 10) as u8,
            b'0' + (y % 10) as u8,
        ]);
        text[4] = b'-';
        text[5..7].copy_from_slice(&digits2(m));
        text[7] = b'-';
        text[8..10].copy_from_slice(&digits2(d));
        text[10] = b'T';
        text[11..13].copy_from_slice(&digits2((sod / 3600) as u32));
        text[13] = b':';
        text[14..16].copy_from_slice(&digits2((sod % 3600 / 60) as u32));
        text[16] = b':';
        text[17..19].copy_from_slice(&digits2((sod % 60) as u32));
        last.set((secs, text));
        text
    });
    out.extend_from_slice(&prefix);
    out.extend_from_slice(&[
        b'.',
        b'0' + (millis / 100) as u8,
        b'0' + (millis / 10 % 10) as u8,
        b'0' + (millis % 10) as u8,
        b'Z',
    ]);
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian
/// calendar (Howard Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// A JSON object written field by field into a buffer: `{` on creation,
/// commas between fields, `}` on [`Object::close`]. Keys and string values
/// are escaped; [`Object::raw`] values are already JSON.
pub(crate) struct Object<'b> {
    out: &'b mut Vec<u8>,
    empty: bool,
}

impl<'b> Object<'b> {
    pub(crate) fn open(out: &'b mut Vec<u8>) -> Object<'b> {
        out.push(b'{');
        Object { out, empty: true }
    }

    fn key(&mut self, key: &str) -> &mut Vec<u8> {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        write_str(self.out, key);
        self.out.push(b':');
        self.out
    }

    /// A string field.
    pub(crate) fn str(&mut self, key: &str, value: &str) -> &mut Self {
        let out = self.key(key);
        write_str(out, value);
        self
    }

    /// A field whose value is already JSON (a number, an object).
    pub(crate) fn raw(&mut self, key: &str, json: &str) -> &mut Self {
        self.key(key).extend_from_slice(json.as_bytes());
        self
    }

    /// A nested object, written by `f`.
    pub(crate) fn object(&mut self, key: &str, f: impl FnOnce(&mut Object<'_>)) -> &mut Self {
        let out = self.key(key);
        let mut inner = Object::open(out);
        f(&mut inner);
        inner.close();
        self
    }

    pub(crate) fn close(self) {
        self.out.push(b'}');
    }
}

/// A JSON object's top-level keys and raw values, in order, borrowing
/// from `text` where the keys need no unescaping. `None` if `text` is not
/// one JSON object.
pub(crate) fn top_level(text: &str) -> Option<Vec<(Cow<'_, str>, &serde_json::value::RawValue)>> {
    struct Fields;
    impl<'de> serde::de::Visitor<'de> for Fields {
        type Value = Vec<(Cow<'de, str>, &'de serde_json::value::RawValue)>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                out.push((key, map.next_value()?));
            }
            Ok(out)
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let fields = serde::Deserializer::deserialize_map(&mut de, Fields).ok()?;
    de.end().ok()?;
    Some(fields)
}

/// The length of `s` as a JSON string literal, quotes included, as
/// serde_json writes it: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t` take two
/// bytes, other control characters six (`\u001f`). Lets a response be
/// sized before it is serialised, once.
pub(crate) fn quoted_len(s: &str) -> usize {
    2 + s
        .bytes()
        .map(|b| match b {
            b'"' | b'\\' | 0x08 | 0x0c | b'\n' | b'\r' | b'\t' => 2,
            0..=0x1f => 6,
            _ => 1,
        })
        .sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_object_is_written_field_by_field_with_nested_objects() {
        let mut out = Vec::new();
        let mut o = Object::open(&mut out);
        o.str("id", "a\"b").raw("n", "1.5").object("m", |m| {
            m.raw("x", "1");
        });
        o.object("empty", |_| {});
        o.close();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"id": "a\"b", "n": 1.5, "m": {"x": 1}, "empty": {}})
        );
    }

    #[test]
    fn quoted_len_is_the_length_serde_json_writes() {
        for s in [
            "",
            "plain",
            "a\"b\\c",
            "\n\r\t\u{8}\u{c}",
            "\u{1}\u{1f}\u{7f}",
            "café ✓",
        ] {
            assert_eq!(
                quoted_len(s),
                serde_json::to_string(s).unwrap().len(),
                "{s:?}"
            );
        }
    }
}
