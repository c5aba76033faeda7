//! The home page is made of blocks that staff arrange and switch on or off.
//! Stored in the setting `home.blocks`: the shown blocks, in order.

use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Block {
    /// Title, tagline and the commune's introduction.
    Hero,
    /// Processes under way.
    Processes,
    /// Key figures: participants, processes, contributions.
    Figures,
    /// The next phases to start.
    Phases,
    /// Latest news.
    News,
    /// The latest public activity (contributions, phases opening, news).
    Activity,
}

impl Block {
    /// Every block, in the default order.
    pub const ALL: [Block; 6] = [
        Block::Hero,
        Block::Processes,
        Block::Figures,
        Block::Phases,
        Block::News,
        Block::Activity,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Block::Hero => "hero",
            Block::Processes => "processes",
            Block::Figures => "figures",
            Block::Phases => "phases",
            Block::News => "news",
            Block::Activity => "activity",
        }
    }
}

impl FromStr for Block {
    type Err = ();

    fn from_str(s: &str) -> Result<Block, ()> {
        Block::ALL
            .into_iter()
            .find(|b| b.as_str() == s.trim())
            .ok_or(())
    }
}

/// The blocks to show, in order; every block when the setting is absent.
/// Unknown names and repeats are ignored.
pub fn blocks_from_setting(setting: Option<&str>) -> Vec<Block> {
    let Some(setting) = setting else {
        return Block::ALL.to_vec();
    };
    let mut blocks = Vec::new();
    for block in setting.split(',').filter_map(|b| b.parse::<Block>().ok()) {
        if !blocks.contains(&block) {
            blocks.push(block);
        }
    }
    blocks
}

pub fn blocks_to_setting(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| b.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_round_trip() {
        assert_eq!(blocks_from_setting(None), Block::ALL.to_vec());
        assert_eq!(blocks_from_setting(Some("")), Vec::<Block>::new());
        assert_eq!(
            blocks_from_setting(Some("news, hero,bogus,news")),
            vec![Block::News, Block::Hero]
        );
        assert_eq!(
            blocks_to_setting(&[Block::Phases, Block::Hero]),
            "phases,hero"
        );
    }
}
