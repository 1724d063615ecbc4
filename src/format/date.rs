//! `datefmt` → the shape of `asctime`: how many digits, letters and which
//! literals, so a date with spaces is matched exactly, not "up to the next
//! space".

use super::{FormatError, PYTHON_DEFAULT_DATEFMT};

/// One piece of a date shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum DatePart {
    /// Exactly this many ASCII digits.
    Digits(u8),
    /// One or more digits (`%s`).
    ManyDigits,
    /// A space or digit, then a digit (`%e`, `%k`, `%l`).
    SpaceDigit,
    /// One or more ASCII letters (`%a`, `%b`, `%p`, …).
    Letters,
    /// `+HHMM` or `-HHMM`, optionally `+HH:MM` (`%z`).
    Offset,
    /// A zone's name as `%Z` prints it: letters (`UTC`, `CEST`), or an
    /// offset where the zone has no abbreviation (`+04`), ending at a
    /// bracket or other punctuation (`[… UTC]`, `(UTC)`).
    Zone,
    /// One or more non-space characters (anything unusual).
    Word,
    Literal(char),
    /// A whole ISO 8601 timestamp, for apps whose `formatTime` writes one
    /// (see [`ISO8601_DATEFMT`]).
    Iso8601,
}

/// The `datefmt` value that stands for ISO 8601 as custom `formatTime`
/// methods write it (Airflow's `TimezoneAware`, `datetime.isoformat()`):
/// `2024-05-11T14:44:45` or with a space (or the basic format's
/// `20240511T144445`), optional `.123` / `,123456` fractions, and an
/// optional `Z`, `+0000` or `+00:00`. No `datefmt` can
/// describe these: `%f` isn't `time.strftime`'s, and the fraction and
/// offset come and go.
pub(crate) const ISO8601_DATEFMT: &str = "iso8601";

/// The shape of `asctime`, compiled from a `datefmt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateShape(Vec<DatePart>);

impl DateShape {
    /// Compiles a `datefmt` (`None` is Python's default, with `,mmm`).
    pub(crate) fn compile(datefmt: Option<&str>) -> Result<DateShape, FormatError> {
        if datefmt.is_some_and(|d| d.trim().eq_ignore_ascii_case(ISO8601_DATEFMT)) {
            return Ok(DateShape(vec![DatePart::Iso8601]));
        }
        let mut parts = Vec::new();
        let fmt = datefmt.unwrap_or(PYTHON_DEFAULT_DATEFMT);
        compile_date(fmt, &mut parts, 0).map_err(|why| FormatError::BadDatefmt {
            datefmt: fmt.to_owned(),
            why,
        })?;
        if datefmt.is_none() {
            parts.extend([DatePart::Literal(','), DatePart::Digits(3)]);
        }
        Ok(DateShape(parts))
    }

    /// Length in bytes of the date at the start of `s`, if there is one.
    pub(super) fn match_len(&self, s: &str) -> Option<usize> {
        let b = s.as_bytes();
        let mut i = 0;
        for part in &self.0 {
            match part {
                DatePart::Digits(n) => {
                    let n = *n as usize;
                    if b.len() < i + n || !b[i..i + n].iter().all(u8::is_ascii_digit) {
                        return None;
                    }
                    i += n;
                }
                DatePart::ManyDigits => i += run(&b[i..], |c| c.is_ascii_digit(), 1)?,
                DatePart::SpaceDigit => {
                    if b.len() < i + 2
                        || !(b[i] == b' ' || b[i].is_ascii_digit())
                        || !b[i + 1].is_ascii_digit()
                    {
                        return None;
                    }
                    i += 2;
                }
                DatePart::Letters => i += run(&b[i..], |c| c.is_ascii_alphabetic(), 1)?,
                DatePart::Zone => {
                    let zone = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'_');
                    i += run(&b[i..], zone, 1)?;
                }
                DatePart::Word => i += run(&b[i..], |c| !c.is_ascii_whitespace(), 1)?,
                DatePart::Offset => {
                    let rest = &b[i..];
                    if rest.len() < 5 || !(rest[0] == b'+' || rest[0] == b'-') {
                        return None;
                    }
                    let hh = &rest[1..3];
                    let (mm, len) = if rest[3] == b':' {
                        (rest.get(4..6)?, 6)
                    } else {
                        (&rest[3..5], 5)
                    };
                    if !hh.iter().chain(mm).all(u8::is_ascii_digit) {
                        return None;
                    }
                    i += len;
                }
                DatePart::Iso8601 => i += iso8601_len(&b[i..])?,
                DatePart::Literal(c) => {
                    let mut buf = [0; 4];
                    let lit = c.encode_utf8(&mut buf).as_bytes();
                    if !b[i..].starts_with(lit) {
                        return None;
                    }
                    i += lit.len();
                }
            }
        }
        Some(i)
    }
}

/// Length of the ISO 8601 timestamp at the start of `b` (see
/// [`ISO8601_DATEFMT`]).
pub(super) fn iso8601_len(b: &[u8]) -> Option<usize> {
    // YYYY-MM-DD?HH:MM:SS, or the basic format's YYYYMMDDTHHMMSS
    // (Electrum's `20240511T144446.478000Z`).
    const SHAPE: &[u8; 19] = b"dddd-dd-dd?dd:dd:dd";
    const BASIC: &[u8; 15] = b"ddddddddTdddddd";
    let fits = |shape: &[u8]| {
        b.len() >= shape.len()
            && b.iter().zip(shape).all(|(&c, &want)| match want {
                b'd' => c.is_ascii_digit(),
                b'?' => c == b'T' || c == b' ',
                _ => c == want,
            })
    };
    let mut i = if fits(SHAPE) {
        SHAPE.len()
    } else if fits(BASIC) {
        BASIC.len()
    } else {
        return None;
    };
    if matches!(b.get(i), Some(b'.' | b',')) {
        let n = run(&b[i + 1..], |c| c.is_ascii_digit(), 1)?;
        i += 1 + n.min(9);
    }
    match b.get(i) {
        Some(b'Z') => i += 1,
        Some(b'+' | b'-') => {
            let hh = b.get(i + 1..i + 3)?;
            if !hh.iter().all(u8::is_ascii_digit) {
                return None;
            }
            i += 3;
            let colon = usize::from(b.get(i) == Some(&b':'));
            if let Some(mm) = b.get(i + colon..i + colon + 2)
                && mm.iter().all(u8::is_ascii_digit)
            {
                i += colon + 2;
            }
        }
        _ => {}
    }
    Some(i)
}

/// Length of the run of bytes matching `pred` at the start, if at least `min`.
pub(super) fn run(b: &[u8], pred: impl Fn(u8) -> bool, min: usize) -> Option<usize> {
    let n = b.iter().take_while(|&&c| pred(c)).count();
    (n >= min).then_some(n)
}

fn compile_date(fmt: &str, parts: &mut Vec<DatePart>, depth: u8) -> Result<(), &'static str> {
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            parts.push(DatePart::Literal(c));
            continue;
        }
        let Some(mut d) = chars.next() else {
            return Err("ends with a lone %");
        };
        // glibc modifiers: %-d, %_d, %0d, %Ey, %Od change padding or locale.
        let mut unpadded = false;
        while matches!(d, '-' | '_' | '0' | '^' | '#' | 'E' | 'O') {
            unpadded |= matches!(d, '-' | '_');
            d = chars.next().ok_or("ends inside a directive")?;
        }
        // In the C locale, which Lambda uses, composites expand like this.
        let composite = match d {
            'c' => Some("%a %b %e %H:%M:%S %Y"),
            'D' | 'x' => Some("%m/%d/%y"),
            'T' | 'X' => Some("%H:%M:%S"),
            'R' => Some("%H:%M"),
            'F' => Some("%Y-%m-%d"),
            'r' => Some("%I:%M:%S %p"),
            _ => None,
        };
        if let Some(expansion) = composite {
            if depth > 2 {
                return Err("nested too deeply");
            }
            compile_date(expansion, parts, depth + 1)?;
            continue;
        }
        parts.push(match d {
            _ if unpadded && d.is_ascii_alphabetic() => DatePart::ManyDigits,
            'Y' | 'G' => DatePart::Digits(4),
            'm' | 'd' | 'H' | 'M' | 'S' | 'I' | 'y' | 'U' | 'W' | 'V' | 'C' | 'g' => {
                DatePart::Digits(2)
            }
            'j' => DatePart::Digits(3),
            'u' | 'w' => DatePart::Digits(1),
            'e' | 'k' | 'l' => DatePart::SpaceDigit,
            's' => DatePart::ManyDigits,
            'a' | 'A' | 'b' | 'B' | 'h' | 'p' | 'P' => DatePart::Letters,
            'z' => DatePart::Offset,
            'Z' => DatePart::Zone,
            'n' => DatePart::Literal('\n'),
            't' => DatePart::Literal('\t'),
            '%' => DatePart::Literal('%'),
            _ => DatePart::Word,
        });
    }
    Ok(())
}
