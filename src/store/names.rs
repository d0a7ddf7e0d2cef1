//! Random run names in MLflow's `adjective-noun-NNN` shape, for runs created without a name.

const ADJECTIVES: [&str; 24] = [
    "amber", "bold", "brave", "calm", "clever", "crisp", "dapper", "eager", "fuzzy", "gentle",
    "glad", "honest", "jolly", "keen", "lucky", "mellow", "nimble", "polite", "quiet", "rare",
    "sleek", "swift", "tidy", "wise",
];
const NOUNS: [&str; 24] = [
    "ant", "bass", "bear", "crab", "crow", "deer", "dove", "eel", "finch", "fox", "gnu", "hare",
    "hawk", "koi", "lark", "lynx", "mole", "newt", "owl", "ram", "seal", "toad", "wasp", "yak",
];

/// A name such as `keen-owl-417` (at most 20 characters, like MLflow's).
pub fn generate_run_name() -> String {
    let r = uuid::Uuid::new_v4().as_u128();
    let adj = ADJECTIVES[(r % 24) as usize];
    let noun = NOUNS[((r >> 8) % 24) as usize];
    let num = (r >> 16) % 1000;
    format!("{adj}-{noun}-{num}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_names_are_short_and_three_part() {
        for _ in 0..50 {
            let n = super::generate_run_name();
            assert!(n.len() <= 20, "{n}");
            assert_eq!(n.split('-').count(), 3);
        }
    }
}
