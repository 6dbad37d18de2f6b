use ratatui::style::{Color, Modifier, Style};

use super::content::FieldKind;
use super::mark::MarkKind;

/// Every style the reader uses. With colour off, focus, selection and matches are still
/// told apart by reverse, bold and underline; colours only ever add to those.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub title_focused: Style,
    pub selected: Style,
    pub matched: Style,
    pub current_match: Style,
    pub actor_mark: Style,
    pub banner: Style,
    pub error: Style,
    pub dim: Style,
    pub status: Style,
    pub prompt: Style,
    bold: Style,
    heading: Style,
    lead: Style,
    quote: Style,
    summary: Style,
}

impl Theme {
    pub fn new(color: bool) -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        let underlined = Style::new().add_modifier(Modifier::UNDERLINED);
        let dim = Style::new().add_modifier(Modifier::DIM);
        let if_color = |plain: Style, colored: Style| if color { colored } else { plain };
        let fg = |style: Style, c: Color| if_color(style, style.fg(c));
        Self {
            border: fg(dim, Color::DarkGray),
            border_focused: fg(bold, Color::Yellow),
            title: Style::new(),
            title_focused: fg(bold.add_modifier(Modifier::REVERSED), Color::Yellow),
            selected: fg(bold, Color::Cyan),
            matched: if_color(
                underlined.add_modifier(Modifier::BOLD),
                underlined.bg(Color::Yellow).fg(Color::Black),
            ),
            current_match: if_color(
                reversed.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                reversed.add_modifier(Modifier::BOLD).fg(Color::LightRed),
            ),
            actor_mark: if_color(underlined, underlined.fg(Color::LightCyan)),
            banner: if_color(
                reversed.add_modifier(Modifier::BOLD),
                bold.bg(Color::Red).fg(Color::White),
            ),
            error: fg(bold, Color::LightRed),
            dim: fg(dim, Color::DarkGray),
            status: reversed,
            prompt: bold,
            bold,
            heading: fg(bold, Color::LightBlue),
            lead: Style::new().add_modifier(Modifier::ITALIC),
            quote: fg(Style::new(), Color::LightGreen),
            // Apart from the body it opens: bold italic, and in colour cyan.
            summary: fg(bold.add_modifier(Modifier::ITALIC), Color::Cyan),
        }
    }

    pub fn mark(&self, kind: MarkKind) -> Style {
        match kind {
            MarkKind::Match => self.matched,
            MarkKind::CurrentMatch => self.current_match,
            MarkKind::Name => self.actor_mark,
        }
    }

    pub fn field(&self, kind: FieldKind) -> Style {
        match kind {
            FieldKind::Banner => self.banner,
            FieldKind::Headline | FieldKind::Name => self.bold,
            FieldKind::Heading => self.heading,
            FieldKind::Lead => self.lead,
            FieldKind::Quote => self.quote,
            FieldKind::Meta
            | FieldKind::Tags
            | FieldKind::Context
            | FieldKind::Notice
            | FieldKind::Address => self.dim,
            FieldKind::Summary => self.summary,
            FieldKind::Error => self.error,
            FieldKind::Paragraph | FieldKind::Bullet => Style::new(),
            FieldKind::Attribution | FieldKind::Detail => Style::new(),
        }
    }
}

/// `style` as the parameters of one SGR escape (`1;94` for bold light blue), for output
/// that ratatui does not draw (`brief show`); `None` for the plain style, which needs none.
pub fn sgr(style: Style) -> Option<String> {
    const MODIFIERS: [(Modifier, &str); 5] = [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
    ];
    let mut codes: Vec<String> = MODIFIERS
        .iter()
        .filter(|(modifier, _)| style.add_modifier.contains(*modifier))
        .map(|(_, code)| (*code).to_string())
        .collect();
    codes.extend(style.fg.map(|c| color_code(c, false)));
    codes.extend(style.bg.map(|c| color_code(c, true)));
    (!codes.is_empty()).then(|| codes.join(";"))
}

/// The SGR code of a colour, with the numbers ratatui documents for each.
fn color_code(color: Color, background: bool) -> String {
    let (extended, offset) = if background { (48, 10) } else { (38, 0) };
    let base = match color {
        Color::Reset => 39,
        Color::Black => 30,
        Color::Red => 31,
        Color::Green => 32,
        Color::Yellow => 33,
        Color::Blue => 34,
        Color::Magenta => 35,
        Color::Cyan => 36,
        Color::Gray => 37,
        Color::DarkGray => 90,
        Color::LightRed => 91,
        Color::LightGreen => 92,
        Color::LightYellow => 93,
        Color::LightBlue => 94,
        Color::LightMagenta => 95,
        Color::LightCyan => 96,
        Color::White => 97,
        Color::Indexed(n) => return format!("{extended};5;{n}"),
        Color::Rgb(r, g, b) => return format!("{extended};2;{r};{g};{b}"),
    };
    (base + offset).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_become_sgr_parameters() {
        assert_eq!(sgr(Style::new()), None);
        let theme = Theme::new(true);
        assert_eq!(
            sgr(theme.field(FieldKind::Heading)).as_deref(),
            Some("1;94")
        );
        assert_eq!(sgr(theme.field(FieldKind::Lead)).as_deref(), Some("3"));
        assert_eq!(sgr(theme.field(FieldKind::Quote)).as_deref(), Some("92"));
        assert_eq!(sgr(theme.field(FieldKind::Meta)).as_deref(), Some("2;90"));
        assert_eq!(sgr(theme.field(FieldKind::Error)).as_deref(), Some("1;91"));
        assert_eq!(
            sgr(theme.field(FieldKind::Banner)).as_deref(),
            Some("1;97;41")
        );
        assert_eq!(sgr(theme.field(FieldKind::Paragraph)), None);
        let odd = Style::new()
            .add_modifier(Modifier::UNDERLINED | Modifier::REVERSED)
            .fg(Color::Indexed(208))
            .bg(Color::Rgb(1, 2, 3));
        assert_eq!(sgr(odd).as_deref(), Some("4;7;38;5;208;48;2;1;2;3"));
    }
}
