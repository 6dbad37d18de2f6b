use ratatui::style::{Color, Modifier, Style};

use super::content::FieldKind;

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
        }
    }

    pub fn field(&self, kind: FieldKind) -> Style {
        match kind {
            FieldKind::Banner => self.banner,
            FieldKind::Headline | FieldKind::Name => self.bold,
            FieldKind::Heading => self.heading,
            FieldKind::Lead => self.lead,
            FieldKind::Quote => self.quote,
            FieldKind::Meta | FieldKind::Tags | FieldKind::Context | FieldKind::Notice => self.dim,
            FieldKind::Error => self.error,
            FieldKind::Summary | FieldKind::Paragraph | FieldKind::Bullet => Style::new(),
            FieldKind::Attribution | FieldKind::Detail => Style::new(),
        }
    }
}
