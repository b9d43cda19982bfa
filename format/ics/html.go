package ics

import (
	"html"
	"strings"

	"github.com/schedkit/schedkit/internal/lazyregexp"
)

var (
	htmlTag   = lazyregexp.New(`(?s)<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|<!--.*?-->`)
	htmlHref  = lazyregexp.New(`(?is)\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`)
	htmlHint  = lazyregexp.New(`(?i)</(p|a|li|ul|ol|div|em|strong|b|i|h[1-6]|code|pre|blockquote|span)>|<br\s*/?>|<p>`)
	htmlSpace = lazyregexp.New(`[ \t\r\n\f]+`)
)

// blockTags start and end a paragraph of plain text.
var blockTags = map[string]bool{
	"p": true, "div": true, "ul": true, "ol": true, "blockquote": true, "pre": true, "table": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "hr": true, "section": true,
}

// PlainText turns an HTML fragment, as frab and pretalx abstracts often
// are, into the plain text a DESCRIPTION should carry (RFC 5545 §3.8.1.5;
// clients render HTML inconsistently or not at all): tags are dropped,
// paragraphs and list items become lines, a link keeps its URL in
// parentheses, entities are decoded and HTML white space is collapsed.
// Text that does not look like HTML (no closing tag, <p> or <br>) is
// returned unchanged, so that "a < b" and Markdown survive.
func PlainText(s string) string {
	// Every hint starts with "<": text without one is not run through the
	// regular expression.
	if strings.IndexByte(s, '<') < 0 || !htmlHint.MatchString(s) {
		return s
	}
	var b strings.Builder
	var href []string // open <a> hrefs, innermost last
	var linkText []int
	text := func(t string) {
		b.WriteString(html.UnescapeString(htmlSpace.ReplaceAllString(t, " ")))
	}
	last := 0
	for _, m := range htmlTag.FindAllStringSubmatchIndex(s, -1) {
		text(s[last:m[0]])
		last = m[1]
		if m[4] < 0 { // comment
			continue
		}
		closing := m[3] > m[2]
		name := strings.ToLower(s[m[4]:m[5]])
		attrs := s[m[6]:m[7]]
		switch {
		case name == "br":
			b.WriteString("\n")
		case name == "li" && !closing:
			b.WriteString("\n- ")
		case blockTags[name]:
			b.WriteString("\n\n")
		case name == "a" && !closing:
			u := ""
			if h := htmlHref.FindStringSubmatch(attrs); h != nil {
				u = strings.TrimSpace(html.UnescapeString(h[1] + h[2] + h[3]))
			}
			href = append(href, u)
			linkText = append(linkText, b.Len())
		case name == "a" && closing && len(href) > 0:
			u, start := href[len(href)-1], linkText[len(linkText)-1]
			href, linkText = href[:len(href)-1], linkText[:len(linkText)-1]
			shown := strings.TrimSpace(b.String()[start:])
			if absURL(u) != "" && shown != u && !strings.HasPrefix(strings.ToLower(u), "javascript:") {
				b.WriteString(" (" + u + ")")
			}
		}
	}
	text(s[last:])
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n")
}
