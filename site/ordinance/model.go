// Package ordinance holds the structured model of a Dutch municipal
// ordinance (verordening) and its explanatory memorandum (toelichting), and
// the parser that reads the text as the municipality publishes it.
package ordinance

// Ordinance is one verordening with its toelichting. The JSON keys are a
// public contract: `regelgids parse --json` prints them and later stages
// (guides, search, readability) read them.
type Ordinance struct {
	Title    string   `json:"title"`
	Metadata Metadata `json:"metadata"`
	// Preamble holds the lines of the Intitulé after the title: who decides,
	// on what proposal, on what legal basis.
	Preamble []string  `json:"preamble,omitempty"`
	Chapters []Chapter `json:"chapters"`
	// GeneralExplanation is the toelichting's "Algemeen" part as plain text,
	// paragraphs separated by a blank line.
	GeneralExplanation string `json:"general_explanation"`
	// GeneralBlocks is the same part with its structure kept: sub-headings,
	// paragraphs and lists.
	GeneralBlocks []Block `json:"general_blocks,omitempty"`
	// ExplanationIntro is the text between "Artikelsgewijze toelichting" and
	// the first article it explains.
	ExplanationIntro string    `json:"explanation_intro,omitempty"`
	Signature        Signature `json:"signature"`
	// LegalBasis are the laws and regulations the ordinance rests on
	// (CVDR's dcterms:source), with their wetten.overheid.nl (jci) or CVDR
	// reference where the source gives one. (Not in Metadata, which stays
	// comparable with ==.)
	LegalBasis []Reference `json:"legal_basis,omitempty"`
	// Links are the references the text makes with a link (CVDR's extref):
	// the text keeps the words, this list keeps their addresses, in order.
	Links []Reference `json:"links,omitempty"`
	// Appendices are the bijlagen published with the regulation.
	Appendices []Appendix `json:"appendices,omitempty"`
}

// Appendix is a bijlage: its title and its text, as plain text and as
// blocks.
type Appendix struct {
	Title  string  `json:"title"`
	Text   string  `json:"text"`
	Blocks []Block `json:"blocks,omitempty"`
}

// Metadata describes the ordinance. Dates are YYYY-MM-DD and empty when
// neither the text nor the metadata file gives them.
type Metadata struct {
	Municipality string `json:"municipality,omitempty"`
	// Identifier is the CVDR-style identifier of the official publication.
	Identifier string `json:"identifier,omitempty"`
	SourceURL  string `json:"source_url,omitempty"`
	// ValidFrom and RetroactiveFrom come from the "Geldend van … met
	// terugwerkende kracht vanaf …" line of the published consolidation.
	ValidFrom       string `json:"valid_from,omitempty"`
	RetroactiveFrom string `json:"retroactive_from,omitempty"`
	// ValidUntil is set when the consolidation is no longer in force
	// ("t/m 31-12-2020" instead of "t/m heden").
	ValidUntil string `json:"valid_until,omitempty"`
	// Adopted is the date of the council meeting in the Ondertekening.
	Adopted string `json:"adopted,omitempty"`
	// InForce is the date the article on entry into force names.
	InForce string `json:"in_force,omitempty"`
	// ValidityLine is the "Geldend van …" line as published.
	ValidityLine string `json:"validity_line,omitempty"`
	// ExpiredOn is the day the regulation ceased to apply ("Regeling
	// vervallen per DD-MM-YYYY", or CVDR's uitwerkingtredingDatum).
	ExpiredOn string `json:"expired_on,omitempty"`
	// Version is the consolidation's version (CVDR680781_1 is version 1).
	Version string `json:"version,omitempty"`
	// CitationTitle is the citeertitel, where the text names one.
	CitationTitle string `json:"citation_title,omitempty"`
	// Publication is the Gemeenteblad reference, such as gmb-2019-277778.
	Publication string `json:"publication,omitempty"`
	// The fields below come from CVDR XML metadata (package
	// ordinance/cvdr); the text formats leave them empty.
	//
	// PublicationURL is the address of the publication (isFormatOf).
	PublicationURL string `json:"publication_url,omitempty"`
	// AdoptedBy is the body that adopted it (isRatifiedBy): "gemeenteraad",
	// "college van burgemeester en wethouders", …
	AdoptedBy string `json:"adopted_by,omitempty"`
	// Subject is the policy area (dcterms:subject).
	Subject string `json:"subject,omitempty"`
	// Modified is the date of the last change to the record (dcterms:modified).
	Modified string `json:"modified,omitempty"`
	// Change says what this version changed (CVDR's betreft): "Nieuwe
	// regeling", "wijz. hfst 1 t/m 4", …
	Change string `json:"change,omitempty"`
	// FileReference is the municipality's case number (CVDR's kenmerk).
	FileReference string `json:"file_reference,omitempty"`
}

// Reference is a link to another text: its words as printed and, where the
// source gives one, its address.
type Reference struct {
	Text string `json:"text"`
	URL  string `json:"url,omitempty"`
}

// Chapter is a hoofdstuk. A regulation without chapters has one Chapter
// with an empty Number.
type Chapter struct {
	Number   string    `json:"number"`
	Title    string    `json:"title"`
	Intro    string    `json:"intro"`
	Articles []Article `json:"articles"`
	// Sections are the paragrafen or afdelingen between the chapter and its
	// articles. The articles stay in Articles, in order; a Section names
	// which of them it groups, so pages, URLs and anchors stay per article.
	Sections []Section `json:"sections,omitempty"`
	Line     int       `json:"-"`
}

// Section is a paragraaf or afdeling: a level between hoofdstuk and
// artikel.
type Section struct {
	Kind   string `json:"kind"`   // "paragraaf" or "afdeling", as printed in lower case
	Number string `json:"number"` // as printed: "2", "2.1", "II", or "" for "§" alone
	Title  string `json:"title"`
	// Articles are the numbers of the articles in this section, in order.
	Articles []string `json:"articles"`
	// Intro is text of the section that is not in an article (CVDR's
	// structuurtekst), paragraphs separated by a blank line.
	Intro string `json:"intro,omitempty"`
	Line  int    `json:"-"`
}

// Article is an artikel with its leden and its part of the artikelsgewijze
// toelichting.
type Article struct {
	Number     string      `json:"number"`
	Title      string      `json:"title"`
	Paragraphs []Paragraph `json:"paragraphs"`
	// Explanation is this article's part of the artikelsgewijze toelichting
	// as plain text, paragraphs separated by a blank line; "" where there is
	// none.
	Explanation string `json:"explanation"`
	// ExplanationTitle is the heading the toelichting uses, which can differ
	// slightly from Title.
	ExplanationTitle  string  `json:"explanation_title,omitempty"`
	ExplanationBlocks []Block `json:"explanation_blocks,omitempty"`
	Line              int     `json:"-"`
	ExplanationLine   int     `json:"-"`
}

// Paragraph is a lid. Number is "" when the article has no numbered leden.
type Paragraph struct {
	Number string `json:"number"`
	Text   string `json:"text"`
	Items  []Item `json:"items"`
	// Tail is text that follows the onderdelen inside the same lid.
	Tail string `json:"tail,omitempty"`
	Line int    `json:"-"`
}

// Item is an onderdeel of a lid, labelled "a", "b", … An onderdeel
// published with a dash instead of a letter is a Bullet, labelled by its
// position ("1", "2", …) so that it still has an anchor.
type Item struct {
	Label  string `json:"label"`
	Text   string `json:"text"`
	Bullet bool   `json:"bullet,omitempty"`
	// Items are the sub-onderdelen of this onderdeel (1°, 2°, … or
	// indented bullets), a third level that is never a lid.
	Items []Item `json:"items,omitempty"`
	// Tail is text that follows the sub-onderdelen inside the onderdeel.
	Tail string `json:"tail,omitempty"`
	Line int    `json:"-"`
}

// Block is one piece of running toelichting text.
type Block struct {
	Kind  BlockKind `json:"kind"`
	Text  string    `json:"text,omitempty"`
	Items []string  `json:"items,omitempty"`
	// Line is the source line of the block; ItemLines those of its items.
	Line      int   `json:"-"`
	ItemLines []int `json:"-"`
}

// BlockKind tells how a Block is shown.
type BlockKind string

// The kinds of Block.
const (
	BlockParagraph BlockKind = "paragraph"
	BlockHeading   BlockKind = "heading"
	BlockList      BlockKind = "list"
)

// Signature is the Ondertekening.
type Signature struct {
	Text        string      `json:"text"`
	Signatories []Signatory `json:"signatories,omitempty"`
}

// Signatory is one person who signed, with the role they signed in.
type Signatory struct {
	Role string `json:"role"`
	Name string `json:"name"`
}

// Articles returns every article in order, across chapters.
func (o *Ordinance) Articles() []*Article {
	var all []*Article
	for ci := range o.Chapters {
		for ai := range o.Chapters[ci].Articles {
			all = append(all, &o.Chapters[ci].Articles[ai])
		}
	}
	return all
}

// Article returns the article with the given number, or nil.
func (o *Ordinance) Article(number string) *Article {
	for _, a := range o.Articles() {
		if a.Number == number {
			return a
		}
	}
	return nil
}

// ChapterOf returns the chapter that holds the article, or nil.
func (o *Ordinance) ChapterOf(number string) *Chapter {
	for ci := range o.Chapters {
		for _, a := range o.Chapters[ci].Articles {
			if a.Number == number {
				return &o.Chapters[ci]
			}
		}
	}
	return nil
}

// Paragraph returns the lid with the given number, or nil.
func (a *Article) Paragraph(number string) *Paragraph {
	for i := range a.Paragraphs {
		if a.Paragraphs[i].Number == number {
			return &a.Paragraphs[i]
		}
	}
	return nil
}
