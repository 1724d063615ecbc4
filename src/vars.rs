//! Reading settings from environment variables: the error that names the
//! variable, and the value readers every setting shares.
//!
//! A leaf module, so the settings of each consumer (formats in `config/`,
//! each destination's beside its sink in `sinks/`) are read with the same
//! rules and the same messages, without the sinks importing `config`.

/// Why the configuration was refused. Each message names the variable.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{var} is required: {why}")]
    Missing {
        var: &'static str,
        why: &'static str,
    },
    #[error("{var}={value:?} is not valid: {reason}")]
    Invalid {
        var: &'static str,
        value: String,
        reason: String,
    },
    #[error("{a} and {b} are both set: {why}")]
    Conflict {
        a: &'static str,
        b: &'static str,
        why: &'static str,
    },
}

/// A name-to-value lookup whose empty values count as unset.
pub(crate) trait Get: Fn(&str) -> Option<String> {}
impl<F: Fn(&str) -> Option<String>> Get for F {}

pub(crate) fn invalid(var: &'static str, value: &str, reason: &str) -> ConfigError {
    ConfigError::Invalid {
        var,
        value: value.to_owned(),
        reason: reason.to_owned(),
    }
}

/// Reads an enum setting by its `FromStr`, whose error says what it
/// expected.
pub(crate) fn read<T: std::str::FromStr<Err = &'static str>>(
    get: &impl Get,
    var: &'static str,
    slot: &mut T,
) -> Result<(), ConfigError> {
    if let Some(v) = get(var) {
        *slot = v.parse().map_err(|expected| invalid(var, &v, expected))?;
    }
    Ok(())
}

/// `on` or `off` (or true/false, 1/0).
pub(crate) fn on_off(var: &'static str, v: &str) -> Result<bool, ConfigError> {
    match v.trim().to_ascii_lowercase().as_str() {
        "on" | "true" | "1" => Ok(true),
        "off" | "false" | "0" => Ok(false),
        _ => Err(invalid(var, v, "expected on or off")),
    }
}

/// A whole number within `range`.
pub(crate) fn number(v: &str, range: std::ops::RangeInclusive<usize>) -> Option<usize> {
    v.trim().parse().ok().filter(|n| range.contains(n))
}
