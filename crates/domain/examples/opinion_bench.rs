//! Times the opinion map at commune scale: `cargo run --release -p
//! palabre-domain --example opinion_bench [participants] [statements]`.
//! Votes are drawn from three hidden camps with a fixed seed (same input every
//! run), each participant voting on 60 % of the statements.

use std::time::Instant;

use palabre_domain::opinion::{Vote, Votes, map};

/// A small deterministic generator (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let participants = args.first().copied().unwrap_or(2_000);
    let statements = args.get(1).copied().unwrap_or(300);
    let mut rng = Lcg(42);
    // Each camp leans for or against each statement.
    let leanings: Vec<Vec<f64>> = (0..3)
        .map(|_| (0..statements).map(|_| rng.next() * 2.0 - 1.0).collect())
        .collect();
    let mut votes = Votes::new(participants, statements);
    for p in 0..participants {
        let camp = &leanings[p % 3];
        for (s, lean) in camp.iter().enumerate() {
            if rng.next() > 0.6 {
                continue;
            }
            let r = rng.next() * 2.0 - 1.0;
            let vote = if r < lean - 0.3 {
                Vote::Agree
            } else if r > lean + 0.3 {
                Vote::Disagree
            } else {
                Vote::Pass
            };
            votes.set(p, s, vote);
        }
    }
    let mut times = Vec::new();
    let mut result = None;
    for _ in 0..5 {
        let start = Instant::now();
        result = map(&votes);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let Some(map) = result else {
        eprintln!("no map: too few participants");
        std::process::exit(1);
    };
    println!(
        "opinion map, {participants} participants x {statements} statements: median {:.1} ms (min {:.1}, max {:.1}); {} groups, silhouette {:.2}, {} consensus statements",
        times[2],
        times[0],
        times[4],
        map.groups.len(),
        map.silhouette,
        map.consensus.len()
    );
}
