//! Redaction: secrets and personal data masked in every string field
//! before a record leaves the function.
//!
//! Rules compile once, at start-up, into one [`RegexSet`], which answers
//! "does anything match here?" in a single pass. A field shorter than the
//! shortest possible match is skipped without a look, and a field the set
//! doesn't match is left as it was (no copy). Only the rules that matched
//! then run their replacement. Each match becomes `[REDACTED:rule]`.
//!
//! Only string values are touched: keys, numbers, booleans and the JSON
//! structure of a JSON line are kept exactly, so typed fields stay typed
//! and the document stays valid.

use std::borrow::Cow;

use regex::{Regex, RegexSet};

use crate::model::{Body, Value};

/// The built-in rules `REDACT` can name, with their patterns. `all` turns
/// them all on.
pub(crate) const BUILTIN: &[(&str, &str)] = &[
    // Access key ids (long-term AKIA, temporary ASIA, …), and secret keys
    // where they are named, since a bare 40-character secret looks like
    // any other base64.
    (
        "aws-key",
        r"\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z2-7]{16}\b|(?i:aws_?secret_?access_?key|secret_?key)[\x22']?\s*[:=]\s*[\x22']?[A-Za-z0-9/+=]{40}",
    ),
    (
        "email",
        r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
    ),
    (
        "ipv4",
        r"\b(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\b",
    ),
    ("bearer-token", r"(?i:\bbearer)\s+[A-Za-z0-9\-._~+/]{8,}=*"),
    (
        "jwt",
        r"\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}",
    ),
    (
        "credit-card",
        r"\b(?:4[0-9]{3}|5[1-5][0-9]{2}|3[47][0-9]{2}|6011)(?:[ -]?[0-9]{4}){2}[ -]?[0-9]{1,4}\b",
    ),
];

/// The names `REDACT` accepts: each rule's, plural forms, and `all`.
pub(crate) fn builtin(name: &str) -> Option<&'static [(&'static str, &'static str)]> {
    let name = name.trim().to_ascii_lowercase();
    if name == "all" {
        return Some(BUILTIN);
    }
    let singular = name.strip_suffix('s').unwrap_or(&name);
    let i = BUILTIN
        .iter()
        .position(|(n, _)| *n == name || *n == singular)?;
    Some(&BUILTIN[i..=i])
}

/// One rule, compiled.
#[derive(Debug, Clone)]
struct Rule {
    regex: Regex,
    mask: String,
}

/// Every redaction rule, compiled. Empty when redaction is off.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    set: Option<RegexSet>,
    rules: Vec<Rule>,
    /// No match is shorter than this; shorter fields are skipped.
    min_len: usize,
}

/// A rule that would not compile.
#[derive(Debug, thiserror::Error)]
#[error("rule {name:?}: {source}")]
pub(crate) struct RuleError {
    pub name: String,
    #[source]
    pub source: regex::Error,
}

impl Redactor {
    /// Compiles `(name, pattern)` rules.
    pub(crate) fn new(rules: &[(String, String)]) -> Result<Redactor, RuleError> {
        if rules.is_empty() {
            return Ok(Redactor::default());
        }
        let compiled = rules
            .iter()
            .map(|(name, pattern)| {
                Regex::new(pattern)
                    .map(|regex| Rule {
                        regex,
                        mask: format!("[REDACTED:{name}]"),
                    })
                    .map_err(|source| RuleError {
                        name: name.clone(),
                        source,
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let set = RegexSet::new(rules.iter().map(|(_, p)| p)).map_err(|source| RuleError {
            name: "(all rules together)".into(),
            source,
        })?;
        let min_len = rules
            .iter()
            .filter_map(|(_, p)| regex_syntax::parse(p).ok())
            .map(|hir| hir.properties().minimum_len().unwrap_or(0))
            .min()
            .unwrap_or(0)
            .max(1);
        Ok(Redactor {
            set: Some(set),
            rules: compiled,
            min_len,
        })
    }

    pub(crate) fn is_active(&self) -> bool {
        self.set.is_some()
    }

    /// `text` with every match masked, or `None` when nothing matched.
    pub(crate) fn redact_str(&self, text: &str) -> Option<String> {
        let set = self.set.as_ref()?;
        if text.len() < self.min_len {
            return None;
        }
        let matched = set.matches(text);
        if !matched.matched_any() {
            return None;
        }
        let mut out = Cow::Borrowed(text);
        for i in matched.iter() {
            let rule = &self.rules[i];
            if let Cow::Owned(s) = rule.regex.replace_all(&out, rule.mask.as_str()) {
                out = Cow::Owned(s);
            }
        }
        Some(out.into_owned())
    }

    /// Masks every string value of a record in place. Returns whether
    /// anything was masked.
    pub(crate) fn redact_body(&self, body: &mut Body<'_>) -> bool {
        if !self.is_active() {
            return false;
        }
        match body {
            Body::Fields(fields) => {
                let mut any = false;
                for (_, value) in fields.iter_mut() {
                    if let Value::Str(s) = value
                        && let Some(masked) = self.redact_str(s)
                    {
                        *s = Cow::Owned(masked);
                        any = true;
                    }
                }
                any
            }
            Body::Json(text) => match self.redact_json(text) {
                Some(masked) => {
                    *text = Cow::Owned(masked);
                    true
                }
                None => false,
            },
        }
    }

    /// Masks the string values of a JSON text, keeping its keys, order,
    /// numbers and structure. `None` when nothing matched.
    pub(crate) fn redact_json(&self, text: &str) -> Option<String> {
        // The whole line first: most lines have nothing to mask. (Escapes
        // such as `\u0040` could hide a match from this check, but each
        // string is checked again below, unescaped, only if something
        // matched; a line that needs unescaping to match is rare enough to
        // check twice.)
        let set = self.set.as_ref()?;
        if !set.is_match(text) && !text.contains('\\') {
            return None;
        }
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        let mut i = 0;
        let mut changed = false;
        while i < bytes.len() {
            if bytes[i] != b'"' {
                i += 1;
                continue;
            }
            let end = string_end(bytes, i)?;
            // A key is followed by ':'; only values are redacted.
            let is_key = text[end..].trim_start().starts_with(':');
            if !is_key {
                let literal = &text[i..end];
                let value: Cow<'_, str> = serde_json::from_str(literal).ok()?;
                if let Some(masked) = self.redact_str(&value) {
                    out.push_str(&text[copied..i]);
                    let mut buf = Vec::with_capacity(masked.len() + 2);
                    crate::json::write_str(&mut buf, &masked);
                    out.push_str(std::str::from_utf8(&buf).ok()?);
                    copied = end;
                    changed = true;
                }
            }
            i = end;
        }
        if !changed {
            return None;
        }
        out.push_str(&text[copied..]);
        Some(out)
    }
}

/// The index just past the closing quote of the string starting at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Redactor {
        let rules: Vec<(String, String)> = BUILTIN
            .iter()
            .map(|(n, p)| (n.to_string(), p.to_string()))
            .collect();
        Redactor::new(&rules).unwrap()
    }

    #[test]
    fn each_builtin_rule_masks_what_it_names() {
        let r = all();
        for (text, want) in [
            (
                "key AKIAIOSFODNN7EXAMPLE used",
                "key [REDACTED:aws-key] used",
            ),
            (
                "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "[REDACTED:aws-key]",
            ),
            ("mail ann@example.co.uk now", "mail [REDACTED:email] now"),
            ("from 10.0.12.255:443", "from [REDACTED:ipv4]:443"),
            (
                "Authorization: Bearer abc.DEF-123_xyz",
                "Authorization: [REDACTED:bearer-token]",
            ),
            (
                "t=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sflKxwRJSMeKKF2QT4fwpM",
                "t=[REDACTED:jwt]",
            ),
            (
                "card 4111 1111 1111 1111 ok",
                "card [REDACTED:credit-card] ok",
            ),
        ] {
            assert_eq!(r.redact_str(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn text_with_nothing_to_mask_is_left_alone() {
        let r = all();
        for text in [
            "",
            "ok",
            "version 1.2.3 released",
            "999.1.1.1 is not an address",
            "user@localhost",
        ] {
            assert_eq!(r.redact_str(text), None, "{text}");
        }
    }

    #[test]
    fn rule_names_accept_plurals_and_all() {
        assert_eq!(builtin("emails").unwrap()[0].0, "email");
        assert_eq!(builtin("aws-keys").unwrap()[0].0, "aws-key");
        assert_eq!(builtin("bearer-tokens").unwrap()[0].0, "bearer-token");
        assert_eq!(builtin("ALL").unwrap().len(), BUILTIN.len());
        assert!(builtin("passwords").is_none());
    }

    #[test]
    fn only_string_fields_change_so_typed_fields_stay_typed() {
        let r = all();
        let mut body = Body::Fields(vec![
            ("message".into(), Value::Str("login ann@example.com".into())),
            ("lineno".into(), Value::Int(10)),
            ("ann@example.com".into(), Value::Str("key stays".into())),
        ]);
        assert!(r.redact_body(&mut body));
        let Body::Fields(f) = body else { panic!() };
        assert_eq!(f[0].1, Value::Str("login [REDACTED:email]".into()));
        assert_eq!(f[1].1, Value::Int(10));
        assert_eq!(f[2].0, "ann@example.com");
    }

    #[test]
    fn a_json_line_keeps_its_keys_order_numbers_and_validity() {
        let r = all();
        let line = r#"{"user":"ann@example.com","n":10.50,"ann@example.com":1,"nested":{"ip":"10.1.2.3","l":["x","bob@example.org"]},"esc":"a\"b \u0041KIAIOSFODNN7EXAMPLE"}"#;
        let out = r.redact_json(line).unwrap();
        assert_eq!(
            out,
            r#"{"user":"[REDACTED:email]","n":10.50,"ann@example.com":1,"nested":{"ip":"[REDACTED:ipv4]","l":["x","[REDACTED:email]"]},"esc":"a\"b [REDACTED:aws-key]"}"#
        );
        let _: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(r.redact_json(r#"{"a":"nothing here"}"#), None);
    }

    #[test]
    fn custom_rules_are_named_in_their_mask_and_bad_ones_are_refused() {
        let r = Redactor::new(&[("order-id".into(), r"ORD-\d{6}".into())]).unwrap();
        assert_eq!(
            r.redact_str("got ORD-123456").as_deref(),
            Some("got [REDACTED:order-id]")
        );
        let err = Redactor::new(&[("bad".into(), "(unclosed".into())]).unwrap_err();
        assert!(err.to_string().starts_with("rule \"bad\""), "{err}");
    }
}
