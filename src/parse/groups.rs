//! Which parser serves a log group: `LOG_GROUP_FORMATS` entries, first
//! match wins, their globs matched at run time.

use super::{FormatsError, Parser};
use crate::config::Config;
use crate::glob::glob_matches;

/// The parser of each log group: `LOG_GROUP_FORMATS` entries in order,
/// then the default from `PYTHON_LOG_FORMAT`. One function can serve
/// dozens of apps, each with its own format, and one app's catch-all
/// format never touches another's records.
#[derive(Debug, Clone)]
pub(crate) struct GroupParsers {
    groups: Vec<(Vec<String>, Parser)>,
    default: Parser,
}

impl GroupParsers {
    pub(crate) fn new(config: &Config) -> Result<GroupParsers, FormatsError> {
        let groups = config
            .formats
            .group_formats
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let parser = Parser::with_formats(
                    &g.formats,
                    g.datefmt.as_deref(),
                    config.formats.platform_lines,
                )
                .map_err(|e| FormatsError::Group {
                    entry: i + 1,
                    patterns: g.patterns.join(", "),
                    source: match e {
                        FormatsError::Format(f) | FormatsError::Datefmt(f) => f,
                        FormatsError::Group { source, .. } => source,
                    },
                })?;
                Ok((g.patterns.clone(), parser))
            })
            .collect::<Result<Vec<_>, FormatsError>>()?;
        Ok(GroupParsers {
            groups,
            default: Parser::new(config)?,
        })
    }

    /// The parser for a log group: the first entry with a matching
    /// pattern, or the default.
    pub(crate) fn for_group(&self, log_group: &str) -> &Parser {
        self.groups
            .iter()
            .find(|(patterns, _)| patterns.iter().any(|p| glob_matches(p, log_group)))
            .map_or(&self.default, |(_, parser)| parser)
    }
}
