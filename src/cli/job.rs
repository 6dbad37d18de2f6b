//! Whether brief's process group could ever be continued after a stop. The ids come from
//! /proc rather than getsid(2)/getpgid(2): a session or group whose leader lives outside
//! brief's PID namespace (a container started from a shell outside it, a CI runner) has
//! the id 0 there, which rustix's wrappers take for a non-zero pid.

use std::fs;

/// Parent, process group and session of one process, as its /proc entry shows them; an id
/// of 0 belongs to a process outside the namespace /proc was mounted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct JobIds {
    parent: i64,
    group: i64,
    session: i64,
}

/// POSIX: a process group is orphaned when no member's parent is in another group of the
/// same session. brief's group is brief alone when a shell gave it one; otherwise it shares
/// its parent's group and counts as orphaned too, since nobody would send it SIGCONT.
/// When /proc cannot be read, brief stops as asked, which is all it did before knowing.
pub fn orphaned() -> bool {
    let Some(own) = read_ids("self") else {
        return false;
    };
    if own.parent == 0 {
        return true;
    }
    let Some(parent) = read_ids(&own.parent.to_string()) else {
        return false;
    };
    let same_session = parent.session == own.session;
    let other_group = parent.group != own.group;
    !(same_session && other_group)
}

fn read_ids(process: &str) -> Option<JobIds> {
    parse_stat(&fs::read_to_string(format!("/proc/{process}/stat")).ok()?)
}

/// `pid (comm) state ppid pgrp session ...`; comm may hold spaces and parentheses, so the
/// fields are counted from the last `)`.
fn parse_stat(stat: &str) -> Option<JobIds> {
    let (_, after_name) = stat.rsplit_once(')')?;
    let mut fields = after_name.split_ascii_whitespace().skip(1);
    let mut next = || fields.next()?.parse::<i64>().ok();
    Some(JobIds {
        parent: next()?,
        group: next()?,
        session: next()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_counted_from_the_last_parenthesis() {
        let stat = "4242 (a) b) (c) S 17 4242 9 34816 4242 4194304 120 0";
        let ids = parse_stat(stat);
        assert_eq!(
            ids,
            Some(JobIds {
                parent: 17,
                group: 4242,
                session: 9
            })
        );
    }

    #[test]
    fn ids_outside_the_namespace_read_as_zero() {
        let ids = parse_stat("7 (brief) S 6 0 0 0 -1 4194560 0 0");
        assert_eq!(
            ids,
            Some(JobIds {
                parent: 6,
                group: 0,
                session: 0
            })
        );
    }

    #[test]
    fn truncated_or_garbled_entries_give_nothing() {
        assert_eq!(parse_stat(""), None);
        assert_eq!(parse_stat("12 (brief"), None);
        assert_eq!(parse_stat("12 (brief) S 1 2"), None);
        assert_eq!(parse_stat("12 (brief) S x 2 3"), None);
    }

    #[test]
    fn this_process_reads_as_the_kernel_reports_it() {
        let parent = i64::from(std::os::unix::process::parent_id());
        assert_eq!(read_ids("self").map(|own| own.parent), Some(parent));
    }
}
