//! The shapes of ids a format prints, which no message's word has: a
//! request or trace id, a thread's or a process's id in hex, an IPv4
//! address (a port after one is no line of code).

/// Whether `w` is an IPv4 address: four numbers up to 255, dotted.
pub(super) fn is_ipv4(w: &str) -> bool {
    let mut n = 0;
    let octets = w.split('.').all(|o| {
        n += 1;
        (1..=3).contains(&o.len())
            && o.bytes().all(|c| c.is_ascii_digit())
            && o.parse::<u16>().is_ok_and(|v| v <= 255)
    });
    octets && n == 4
}

/// A UUID (`8-4-4-4-12` hex digits), or 16 or more hex digits with both
/// a digit and a letter among them (a W3C trace id, a span id): what
/// `%(request_id)s`, `%(correlation_id)s` and `%(trace_id)s` print.
pub(super) fn is_id(w: &str) -> bool {
    let b = w.as_bytes();
    let uuid = b.len() == 36
        && b.iter().enumerate().all(|(k, c)| match k {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        });
    let hex = b.len() >= 16
        && b.iter().all(u8::is_ascii_hexdigit)
        && b.iter().any(u8::is_ascii_digit)
        && b.iter().any(u8::is_ascii_alphabetic);
    uuid || hex || random_alphanumeric(b)
}

/// A random id in letters of both cases and digits (a base-62 or
/// URL-safe token: Roundup's trace ids, `ZbdLs544BIxloestqJYM4B`): 16
/// or more characters whose kind (capital, small, digit) changes at
/// least every third one. Camel-case names change far less often
/// (`OAuth2ClientCredentialsManager`: 8 changes in 30).
fn random_alphanumeric(b: &[u8]) -> bool {
    let kind = |c: &u8| (c.is_ascii_uppercase(), c.is_ascii_lowercase());
    // The cheap tests first: a logger's dotted name fails at its dot.
    b.len() >= 16
        && b.iter().all(u8::is_ascii_alphanumeric)
        && b.iter().filter(|c| c.is_ascii_digit()).count() >= 2
        && b.iter().any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase)
        && b.windows(2).filter(|p| kind(&p[0]) != kind(&p[1])).count() * 3 >= b.len()
}

/// Whether a word is a thread's id as `%(thread)x` prints it (ggshield's
/// `%(process)x:%(thread)x`): on 64-bit Linux a thread's id is its
/// `pthread_t`, an address in the mmap area, twelve hex digits from `7f`.
pub(super) fn thread_hex(w: &str) -> bool {
    w.len() == 12
        && w.starts_with("7f")
        && w.bytes()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
}

/// Whether a word is a process id as `%(process)x` prints it: at most six
/// hex digits (Linux's `pid_max` is 0x400000).
pub(super) fn pid_hex(w: &str) -> bool {
    (1..=6).contains(&w.len())
        && w.bytes()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
}
