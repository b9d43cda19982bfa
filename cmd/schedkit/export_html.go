package main

import (
	"errors"
	"io"
	"net/url"
	"strings"

	"github.com/schedkit/schedkit/format"
	"github.com/schedkit/schedkit/format/html"
	"github.com/schedkit/schedkit/format/ics"
	"github.com/schedkit/schedkit/schedule"
	"github.com/urfave/cli/v2"
)

func (e *env) exportHTMLCommand() *cli.Command {
	return &cli.Command{
		Name:  "html",
		Usage: "write the timetable as one self-contained web page",
		UsageText: `schedkit export html [--title T] [--feeds-base URL] [--xml-url URL]
    [--track ID]... [--room NAME]... [--speaker NAME]... [--session ID]... [--day DATE]...
    [-o FILE] [--force] <file>`,
		Description: `Writes one static HTML page with its CSS and a small script inline and
nothing loaded from elsewhere: per day a grid with the rooms as columns and
time running down, each session placed and sized by its time, parallel
sessions side by side, sessions without a room (breaks) across the rooms.
Each session shows its time, title, speakers, room and track, and opens
its abstract in a <details>. Times are the conference zone's, and the page
names it. Below 48rem (phones) the grid becomes one list per room.

Everything works without JavaScript. With it, each session gets a star
(kept in the browser's localStorage) and a button downloads the starred
sessions as an .ics with the same UIDs as the feeds of 'export ics'.

--feeds-base URL is where the feeds of 'schedkit export ics --split track
--out-dir DIR' are published (DIR's URL): each track, and the whole
schedule (all.ics), gets a subscribe link (webcal://) and a download link,
named as that command names its files, and a <link rel="alternate"> in the
head. Export both with the same filters, so that the names agree.
--xml-url URL adds a <link rel="alternate"> to a frab schedule.xml
('schedkit export frab-xml') published with the page, which schedule apps
look for.

The output depends on the input only: the events of the .ics download carry
DTSTAMP $SOURCE_DATE_EPOCH when set, else the start of the first session,
as 'export ics' without --state does.

Exit status: 0 written, 1 nothing written because of errors, 2 usage error,
unreadable input or a failed write.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "title", Usage: "page title `T`", DefaultText: "the conference name"},
			&cli.StringFlag{Name: "feeds-base", Usage: "`URL` (http or https) of the directory of the 'export ics --split track' feeds: subscribe and download links"},
			&cli.StringFlag{Name: "xml-url", Usage: "`URL` (http or https) of a frab schedule.xml published with the page"},
		}, exportFlags(false)...),
		Action: e.exportHTML,
	}
}

func (e *env) exportHTML(c *cli.Context) error {
	feedsBase, xmlURL := c.String("feeds-base"), c.String("xml-url")
	if c.IsSet("feeds-base") {
		if err := checkBaseURL(feedsBase); err != nil {
			return usageErrorf("--feeds-base %q: %v", feedsBase, err)
		}
	}
	if c.IsSet("xml-url") && !isHTTPURL(xmlURL) {
		return usageErrorf("--xml-url %q: use an absolute http or https URL", xmlURL)
	}
	epoch, err := sourceDateEpoch(e.getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return usageErrorf("%v", err)
	}
	return e.runExport(c, exportJob{
		ext: ".html",
		encode: func(w io.Writer, s *schedule.Schedule, g format.Group) error {
			events := ics.Events(s)
			opt := html.Options{
				Title:     c.String("title"),
				Version:   version(),
				XMLURL:    xmlURL,
				Stamp:     feedStamp(epoch, s),
				PlainText: ics.PlainText,
				Event: func(x *schedule.Session) (html.Event, bool) {
					ev, ok := events[x]
					return html.Event(ev), ok // the same fields: a change to either stops the build
				},
			}
			if feedsBase != "" {
				feeds, err := trackFeeds(s, g.Sessions, feedsBase)
				if err != nil {
					return err
				}
				opt.Feeds = feeds
			}
			return html.Write(w, s, g.Sessions, opt)
		},
	})
}

// trackFeeds are the feeds 'export ics --split track' writes for sessions,
// the whole schedule's first, at their URLs under base: the file names come
// from format.Split, as that command's do.
func trackFeeds(s *schedule.Schedule, sessions []*schedule.Session, base string) ([]html.Feed, error) {
	groups, err := format.Split(sessions, "track")
	if err != nil {
		return nil, err
	}
	base = strings.TrimRight(base, "/") + "/"
	feeds := []html.Feed{{Name: "All sessions", URL: base + format.AllName + ".ics"}}
	for _, g := range groups {
		feeds = append(feeds, html.Feed{Name: g.Name, Track: g.Sessions[0].Track, URL: base + g.File + ".ics"})
	}
	return feeds, nil
}

// checkBaseURL accepts an absolute http or https URL that file names can be
// appended to: no query, no fragment.
func checkBaseURL(u string) error {
	if !isHTTPURL(u) {
		return errors.New("use an absolute http or https URL, such as https://conf.example.org/ics/")
	}
	if strings.ContainsAny(u, "?#") {
		return errors.New("use the directory's URL, without ? or #: the feeds' file names are appended to it")
	}
	return nil
}

// isHTTPURL reports whether u is an absolute http or https URL with a host.
func isHTTPURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}
