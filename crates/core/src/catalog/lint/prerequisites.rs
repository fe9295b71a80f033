//! Rule 5, prerequisite cycles: no offering requires itself, directly or through others.

use super::context::{Ctx, Sink};

/// Cycles in a directed graph given as adjacency lists, found by depth-first search from
/// each node in order. Each cycle is a node path that starts and ends at the same node
/// (`[a, b, a]`; a self-loop is `[a, a]`). Every graph with a cycle yields at least one.
fn find_cycles(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn set(marks: &mut [Mark], node: usize, mark: Mark) {
        if let Some(slot) = marks.get_mut(node) {
            *slot = mark;
        }
    }
    let mut marks = vec![Mark::New; edges.len()];
    let mut cycles = Vec::new();
    for start in 0..edges.len() {
        if marks.get(start) != Some(&Mark::New) {
            continue;
        }
        set(&mut marks, start, Mark::Open);
        // (node, index of the next edge to follow)
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        while let Some(top) = path.last_mut() {
            let node = top.0;
            let target = edges.get(node).and_then(|e| e.get(top.1)).copied();
            top.1 += 1;
            match target {
                None => {
                    set(&mut marks, node, Mark::Done);
                    path.pop();
                }
                Some(next) => match marks.get(next) {
                    Some(Mark::New) => {
                        set(&mut marks, next, Mark::Open);
                        path.push((next, 0));
                    }
                    Some(Mark::Open) => {
                        let from = path.iter().position(|(n, _)| *n == next).unwrap_or(0);
                        let mut cycle: Vec<usize> =
                            path.iter().skip(from).map(|(n, _)| *n).collect();
                        cycle.push(next);
                        cycles.push(cycle);
                    }
                    _ => {}
                },
            }
        }
    }
    cycles
}

pub(super) fn prerequisite_cycles(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let offerings = &cx.data.offerings;
    let edges: Vec<Vec<usize>> = offerings
        .iter()
        .map(|o| {
            o.prerequisites
                .skus
                .iter()
                .filter_map(|sku| cx.skus.get(sku.as_str()).copied())
                .collect()
        })
        .collect();
    for cycle in find_cycles(&edges) {
        let skus: Vec<&str> = cycle
            .iter()
            .filter_map(|&n| offerings.get(n))
            .map(|o| o.sku.as_str())
            .collect();
        let (Some(&start), Some(offering), Some(next)) = (
            cycle.first(),
            cycle.first().and_then(|&n| offerings.get(n)),
            skus.get(1),
        ) else {
            continue;
        };
        let path = skus.join(" → ");
        let field = match offering.prerequisites.skus.iter().position(|s| s == next) {
            Some(k) => format!("prerequisites.skus[{k}]"),
            None => "prerequisites.skus".to_string(),
        };
        let message = if skus.len() == 2 {
            format!(
                "{} requires itself ({path}); remove it from its own prerequisites",
                offering.sku
            )
        } else {
            format!("prerequisites form a cycle: {path}; remove one of these requirements")
        };
        out.offering(start, offering, &field, message);
    }
}

#[cfg(test)]
mod tests {
    use super::find_cycles;
    use crate::catalog::lint::test_support::{edit, find, line_of, lint_text};

    #[test]
    fn prerequisite_cycles_are_reported_with_their_path() {
        let text = edit(
            "summary = \"Git basics.\"\nsale = \"standard\"\ndelivery = { modes = [\"remote\"], sibling",
            "summary = \"Git basics.\"\nsale = \"standard\"\nprerequisites = { skus = [\"GL-CICD\"] }\ndelivery = { modes = [\"remote\"], sibling",
        );
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "offerings[0].prerequisites.skus[0]",
            "prerequisites form a cycle: GL-BAS-R → GL-CICD → GL-BAS-R",
        );
        assert_eq!(issue.line, Some(line_of(&text, "skus = [\"GL-CICD\"]")));
        assert_eq!(
            issues
                .iter()
                .filter(|i| i.message.contains("cycle"))
                .count(),
            1
        );
    }

    #[test]
    fn an_offering_requiring_itself_is_a_cycle() {
        let text = edit(
            "skus = [\"GL-BAS-R\"]",
            "skus = [\"GL-BAS-R\", \"GL-CICD\"]",
        );
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "offerings[3].prerequisites.skus[1]",
            "GL-CICD requires itself (GL-CICD → GL-CICD)",
        );
        assert_eq!(issue.offering.as_deref(), Some("GL-CICD"));
    }

    #[test]
    fn find_cycles_finds_loops_and_ignores_diamonds() {
        assert_eq!(
            find_cycles(&[vec![1, 2], vec![3], vec![3], vec![]]),
            Vec::<Vec<usize>>::new()
        );
        assert_eq!(
            find_cycles(&[vec![1], vec![2], vec![0]]),
            vec![vec![0, 1, 2, 0]]
        );
        assert_eq!(find_cycles(&[vec![], vec![1]]), vec![vec![1, 1]]);
        // An edge to a node outside the graph is ignored rather than a panic.
        assert_eq!(find_cycles(&[vec![7]]), Vec::<Vec<usize>>::new());
    }
}
