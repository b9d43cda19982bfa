// Package html writes a schedule as one self-contained timetable page: a
// static HTML file (HTML Living Standard) with its CSS and a small script
// inline and nothing loaded from elsewhere (no fonts, images, scripts or
// trackers), so any web host or a USB stick can serve it.
//
// # Layout
//
// One section per conference day, each a grid with the rooms as columns
// and time running down: a session is placed by its start and sized by its
// duration (CSS grid rows of a fixed number of minutes, the greatest
// common divisor of the day's times and the hour). A row is at least
// --row-min tall per minute (see page.css) and grows when the text of a
// session starting in it needs more room, so every box shows all its text
// without scrolling or clipping; sessions that start together still start
// on one line, and a later session is always lower. Sessions that overlap
// in one room (only with --force) get lanes side by side within the room's
// column. Sessions without a room form a group "All rooms": when none of
// them overlaps a session in a room, they span every room column (a
// break), otherwise they get a column of their own. A day is the local
// date of the start in the conference zone, shifted by the conference's
// day_change as frab does; a session running past midnight stays on its
// start day, whose grid runs on (at most 24 hours from its first hour).
// Sessions without resolved times (only with --force) are listed after
// the days.
//
// Each session is an <article> with its time (<time> elements with the
// offset), title, speakers, room and track as text, its type and status as
// words (never by colour alone), and a <details> with the subtitle,
// speakers' affiliations, the abstract (as plain text: Options.PlainText),
// tags, language and links. Track colours are light tints under dark text
// (contrast of text at least 7.4:1, of links 6.7:1) with a darker left
// border, repeating after ten tracks; the track's name is always written
// out too.
//
// Narrower than 48rem the grids collapse into one list per room (the
// sessions in time order), so a phone never scrolls sideways; a wide grid
// scrolls inside its own container. The print stylesheet puts each day on
// its own page and drops the buttons.
//
// # Without JavaScript
//
// The grid, the details and every link are plain HTML and CSS. The inline
// script adds one thing: favourites. Each session gets a star (a button
// with aria-pressed) kept in the browser's localStorage under the
// conference id, and a button downloads the starred sessions as an .ics
// file built in the page from a JSON data island (a <script
// type="application/json">) holding each session's event as
// Options.Event describes it: the UIDs, times and texts of the published
// feeds (format/ics), so calendar apps see the same events. The script
// writes that file as RFC 5545 asks: CRLF line ends, lines folded at 75
// octets without splitting a UTF-8 sequence (§3.1), TEXT escaping of
// backslash, semicolon, comma and newline (§3.3.11), VERSION, PRODID,
// DTSTAMP (Options.Stamp, the feeds' stamp, so the file is the same
// whenever it is downloaded), and times in UTC (§3.3.5 form 2), which
// needs no VTIMEZONE. It has no METHOD, so no ORGANIZER (RFC 5546 does not
// apply). Without Options.Event the page has no favourites and no script
// data.
//
// # Escaping
//
// Every text of the schedule goes through html/template, which escapes it
// for its context: element text, attribute values, URLs (a session url is
// linked only when it is absolute http or https) and the JSON data island
// (where <, > and & are written as \u escapes, so no text can end the
// script element).
//
// # Feeds
//
// Options.Feeds lists the calendar feeds published beside the page
// (schedkit export ics --split track, whose file names the command passes
// in): each gets a subscribe link (webcal://, which Apple Calendar and
// Outlook open as a subscription), a download link and a <link
// rel="alternate" type="text/calendar"> in the head; Options.XMLURL a
// <link rel="alternate" type="application/xml"> to a frab schedule.xml,
// which schedule apps such as Giggity look for.
//
// Output depends on its input only: no clock is read, and maps are never
// iterated in their random order.
package html
