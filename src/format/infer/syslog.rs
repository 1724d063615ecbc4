//! Lines a syslog daemon wrote (rsyslog's `/var/log/messages`, which the
//! CloudWatch agent ships beside an app's own): `May 11 14:44:50 mx1
//! postfix/smtpd[2211]: connect from …`. Their time and message alone,
//! in syslog's layout, read as a format, but the header is the daemon's,
//! not a Python formatter's: those lines stay text.

use super::Inferred;
use super::marks::all_digits;

/// RFC 3164's time, as the `datefmt` that reads it.
const SYSLOG_DATEFMT: &str = "%b %d %H:%M:%S";

/// `out` without the formats that read syslog's lines (`syslog`).
pub(super) fn drop_syslog(mut out: Vec<Inferred>, lines: &[&str]) -> Vec<Inferred> {
    out.retain(|f| !syslog(f, lines));
    out
}

/// Whether `f` is a time in syslog's layout and the message, and most
/// of the lines it reads go on with a host and a program's tag with its
/// pid (`mx1 spamd[1402]: `), which no Python format writes bare.
fn syslog(f: &Inferred, lines: &[&str]) -> bool {
    if f.format != "%(asctime)s %(message)s" || f.datefmt.as_deref() != Some(SYSLOG_DATEFMT) {
        return false;
    }
    let (mut read, mut tagged) = (0usize, 0usize);
    for line in lines.iter().filter(|l| f.compiled.starts(l)) {
        read += 1;
        // The time is 15 bytes (`May 11 14:44:50`, or `May  1` padded).
        let rest = line.get(15..).and_then(|r| r.strip_prefix(' '));
        tagged += usize::from(rest.is_some_and(host_and_tag));
    }
    read > 0 && tagged * 2 > read
}

/// Whether `rest` starts with syslog's host and tag: `mx1
/// postfix/smtpd[2211]: `.
fn host_and_tag(rest: &str) -> bool {
    let Some((host, after)) = rest.split_once(' ') else {
        return false;
    };
    let Some((tag, _)) = after.split_once(": ") else {
        return false;
    };
    let Some((program, pid)) = tag.strip_suffix(']').and_then(|t| t.split_once('[')) else {
        return false;
    };
    let name = |w: &str, extra: &[u8]| {
        !w.is_empty()
            && w.bytes()
                .all(|c| c.is_ascii_alphanumeric() || extra.contains(&c))
    };
    name(host, b"-._") && name(program, b"-._/") && all_digits(pid)
}

#[cfg(test)]
mod tests {
    use super::super::infer;
    use super::*;

    #[test]
    fn syslogs_lines_beside_an_apps_stay_text() {
        let got: Vec<String> = infer([
            "May 11 14:44:50 mx1 postfix/smtpd[2211]: connect from mail-yw1-f170.google.com",
            "May 11 14:44:50 mx1 postfix/smtpd[2211]: 4VbQ3AKz0q: client=mail-yw1-f170",
            "May 11 14:44:51 mx1 spamd[1402]: spamd: result: .  0 - BAYES_00",
            "May 11 14:44:51 mx1 postfix/qmgr[1190]: 4VbQ3AKz0q: from=<bounce@x>, size=4211",
            "2024-05-11 14:44:51,273 (3300) INFO Zeyple ready to encrypt outgoing emails",
            "2024-05-11 14:44:51,301 (3300) DEBUG Loaded 2 keys",
        ])
        .into_iter()
        .map(|f| f.format)
        .collect();
        assert_eq!(got, ["%(asctime)s (%(process)d) %(levelname)s %(message)s"]);
    }

    #[test]
    fn a_host_and_a_programs_tag_with_its_pid_is_syslogs_header() {
        assert!(host_and_tag("mx1 postfix/smtpd[2211]: connect from x"));
        assert!(host_and_tag(
            "ip-10-0-3-7.ec2.internal spamd[1402]: spamd: result"
        ));
        assert!(!host_and_tag("mx1 kernel: eth0 up"));
        assert!(!host_and_tag("Starting server[1]s: x"));
        assert!(!host_and_tag("Connected to broker: ok"));
    }
}
