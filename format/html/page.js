// Favourites for the schedkit timetable page: stars kept in localStorage
// and a download of the starred sessions as an iCalendar file (RFC 5545).
// The page is complete without this script; it only adds these two.
(function () {
  "use strict";
  var island = document.getElementById("schedkit-data");
  var bar = document.getElementById("favourites");
  if (!island || !bar) return;
  var data = null; // parsed when needed: the island of a big schedule is megabytes
  function load() { return data || (data = JSON.parse(island.textContent)); }
  var key = island.getAttribute("data-key");
  var count = document.getElementById("fav-count");
  var download = document.getElementById("fav-download");

  var starred = new Set();
  try {
    (JSON.parse(localStorage.getItem(key)) || []).forEach(function (u) { starred.add(u); });
  } catch (e) { /* no storage (private mode, file:// policies): stars last as long as the page */ }
  function save() {
    try { localStorage.setItem(key, JSON.stringify(Array.from(starred))); } catch (e) { /* as above */ }
  }
  var buttons = document.querySelectorAll("button.star");
  function chosen() {
    return load().events.filter(function (e) { return starred.has(e.uid); });
  }
  function update() {
    var n = 0; // the stars of this page's sessions, not those of other pages of the conference
    buttons.forEach(function (b) { if (starred.has(b.getAttribute("data-uid"))) n++; });
    count.textContent = n === 0 ? "No session starred" : n === 1 ? "1 session starred" : n + " sessions starred";
    download.disabled = n === 0;
  }

  buttons.forEach(function (b) {
    var uid = b.getAttribute("data-uid");
    function show() {
      var on = starred.has(uid);
      b.setAttribute("aria-pressed", on ? "true" : "false");
      b.firstChild.textContent = on ? "\u2605" : "\u2606"; // ★ or ☆: not colour alone
    }
    show();
    b.hidden = false;
    b.addEventListener("click", function () {
      if (starred.has(uid)) starred.delete(uid); else starred.add(uid);
      save();
      show();
      update();
    });
  });
  bar.hidden = false;
  update();

  download.addEventListener("click", function () {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([calendar(chosen())], { type: "text/calendar;charset=utf-8" }));
    a.download = load().file;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
  });

  // TEXT escaping, RFC 5545 §3.3.11. The texts come cleaned of CR and
  // other control characters (schedkit's format/ics Text).
  function text(s) {
    return s.replace(/[\\;,]/g, "\\$&").replace(/\n/g, "\\n");
  }
  // One content line, folded at 75 octets without splitting a UTF-8
  // sequence, ending in CRLF (§3.1).
  function line(name, value) {
    var out = "", n = 0;
    for (var ch of name + ":" + value) {
      var c = ch.codePointAt(0);
      var size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (n + size > 75) {
        out += "\r\n ";
        n = 1;
      }
      out += ch;
      n += size;
    }
    return out + "\r\n";
  }
  function calendar(events) {
    var d = load();
    var out = line("BEGIN", "VCALENDAR") + line("VERSION", "2.0") + line("PRODID", d.prodid) +
      line("CALSCALE", "GREGORIAN") + line("NAME", text(d.name)) + line("X-WR-CALNAME", text(d.name));
    events.forEach(function (e) {
      out += line("BEGIN", "VEVENT") + line("UID", e.uid) + line("DTSTAMP", d.stamp) +
        line("LAST-MODIFIED", d.stamp) + line("SEQUENCE", "0") + line("DTSTART", e.start);
      if (e.end) out += line("DTEND", e.end);
      out += line("SUMMARY", text(e.summary));
      if (e.location) out += line("LOCATION", text(e.location));
      if (e.description) out += line("DESCRIPTION", text(e.description));
      if (e.url) out += line("URL", e.url);
      // One CATEGORIES list, as the feeds have it (khal shows none for several lines).
      if (e.categories && e.categories.length) out += line("CATEGORIES", e.categories.map(text).join(","));
      out += line("STATUS", e.status);
      if (e.transparent) out += line("TRANSP", "TRANSPARENT");
      out += line("END", "VEVENT");
    });
    return out + line("END", "VCALENDAR");
  }
})();
