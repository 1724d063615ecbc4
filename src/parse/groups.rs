//! Which parser (and, on the direct path, which index) serves a log group:
//! `LOG_GROUP_FORMATS` entries, first match wins, their globs matched here
//! at run time.

use super::{ParseError, Parser};
use crate::config::Config;

/// The parser of each log group: `LOG_GROUP_FORMATS` entries in order,
/// then the default from `PYTHON_LOG_FORMAT`. One function can serve
/// dozens of apps, each with its own format, and one app's catch-all
/// format never touches another's records.
#[derive(Debug, Clone)]
pub(crate) struct Parsers {
    groups: Vec<(Vec<String>, Parser, Option<String>)>,
    default: Parser,
}

impl Parsers {
    pub(crate) fn new(config: &Config) -> Result<Parsers, ParseError> {
        let groups = config
            .group_formats
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let parser =
                    Parser::with_formats(&g.formats, g.datefmt.as_deref(), config.platform_lines)
                        .map_err(|e| ParseError::Group {
                        entry: i + 1,
                        patterns: g.patterns.join(", "),
                        source: match e {
                            ParseError::Format(f) | ParseError::Datefmt(f) => f,
                            ParseError::Group { source, .. } => source,
                        },
                    })?;
                Ok((g.patterns.clone(), parser, g.index.clone()))
            })
            .collect::<Result<Vec<_>, ParseError>>()?;
        Ok(Parsers {
            groups,
            default: Parser::new(config)?,
        })
    }

    /// The parser for a log group: the first entry with a matching
    /// pattern, or the default.
    pub(crate) fn for_group(&self, log_group: &str) -> &Parser {
        self.entry(log_group)
            .map_or(&self.default, |(_, parser, _)| parser)
    }

    /// The index prefix the log group's entry names, if it names one: the
    /// direct path's per-app index.
    pub(crate) fn index_for(&self, log_group: &str) -> Option<&str> {
        self.entry(log_group)
            .and_then(|(_, _, index)| index.as_deref())
    }

    fn entry(&self, log_group: &str) -> Option<&(Vec<String>, Parser, Option<String>)> {
        self.groups
            .iter()
            .find(|(patterns, _, _)| patterns.iter().any(|p| glob_matches(p, log_group)))
    }
}

/// Whether a log group name matches a glob of `*` and `?`.
pub(crate) fn glob_matches(pattern: &str, name: &str) -> bool {
    let (p, n) = (pattern.as_bytes(), name.as_bytes());
    let (mut pi, mut ni) = (0, 0);
    // Where the last `*` was, and how much of the name it has taken.
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        match p.get(pi) {
            Some(b'*') => {
                star = Some((pi, ni));
                pi += 1;
            }
            Some(&c) if c == b'?' || c == n[ni] => {
                pi += 1;
                ni += 1;
            }
            _ => match star {
                Some((sp, sn)) => {
                    pi = sp + 1;
                    ni = sn + 1;
                    star = Some((sp, sn + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_log_group_names_with_star_and_question_mark() {
        for (pattern, name, want) in [
            ("/ecs/orders*", "/ecs/orders", true),
            ("/ecs/orders*", "/ecs/orders-api/x", true),
            ("/ecs/orders", "/ecs/orders-api", false),
            ("*", "/anything", true),
            ("/aws/lambda/*-prod", "/aws/lambda/api-prod", true),
            ("/aws/lambda/*-prod", "/aws/lambda/api-prod-2", false),
            ("/ecs/?rders", "/ecs/orders", true),
            ("/ecs/?rders", "/ecs/rders", false),
            ("*a*b*", "xxaxxbxx", true),
            ("*a*b", "xxaxxbxxc", false),
            ("", "", true),
        ] {
            assert_eq!(glob_matches(pattern, name), want, "{pattern} {name}");
        }
    }
}
