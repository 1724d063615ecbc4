//! Log group name globs, as `LOG_GROUP_FORMATS` writes them: `*` is any
//! run of characters (`/` included), `?` any one. Shared by the formats a
//! group is parsed with and the index its documents go to.

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
