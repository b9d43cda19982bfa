// Browser test of `schedkit export html` (issue 11), run by 60-html.sh with
// Debian's chromium through playwright-core (no browser download).
//
//   node 60-html.mjs NPM_DIR WORK SHOTS CHECK_ICS DEPS
//
// NPM_DIR holds playwright-core and axe-core (60-html.sh installs them).
// WORK holds, per page NAME (qcon, fosdem, xss): NAME.html (the page),
// NAME.json (`export json`, the sessions) and NAME.ics (`export ics`, the
// feed whose UIDs the page must use). Screenshots go to SHOTS; CHECK_ICS is
// ../shared/icsval/check-ics, DEPS its installed parsers. Every assertion
// that fails is printed; the exit status is 1 when any did.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

const [npmDir, work, shots, checkICS, deps] = process.argv.slice(2);
const require = createRequire(npmDir + "/");
const { chromium } = require("playwright-core");
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const failures = [];
function check(ok, what) {
  if (!ok) failures.push(what);
  return ok;
}
function log(s) { console.log("60-html: " + s); }

const userData = fs.mkdtempSync(path.join(os.tmpdir(), "schedkit-html-chromium-"));
const browserArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
// One persistent profile (a fresh user-data-dir); contexts for JS off and
// on are separate pages with their own settings.
const browser = await chromium.launchPersistentContext(userData, {
  executablePath: "/usr/bin/chromium", headless: true, args: browserArgs,
  viewport: { width: 1440, height: 900 }, acceptDownloads: true,
});
// A second, JavaScript-less browser context needs its own launch: a
// persistent context has one set of options.
const userDataNoJS = fs.mkdtempSync(path.join(os.tmpdir(), "schedkit-html-chromium-nojs-"));
const noJS = await chromium.launchPersistentContext(userDataNoJS, {
  executablePath: "/usr/bin/chromium", headless: true, args: browserArgs,
  viewport: { width: 1440, height: 900 }, javaScriptEnabled: false,
});

// Every page is watched for console errors, page errors, dialogs and any
// request that leaves the file (the page must be self-contained).
async function open(ctx, file, width) {
  const page = await ctx.newPage();
  const trouble = [];
  page.on("console", (m) => { if (m.type() === "error") trouble.push("console error: " + m.text()); });
  page.on("pageerror", (e) => trouble.push("page error: " + e.message));
  page.on("dialog", (d) => { trouble.push("dialog: " + d.type() + " " + d.message()); d.dismiss().catch(() => {}); });
  page.on("request", (r) => { if (!r.url().startsWith("file://") && !r.url().startsWith("blob:")) trouble.push("request: " + r.url()); });
  await page.setViewportSize({ width, height: 900 });
  await page.goto("file://" + file, { waitUntil: "load" });
  return { page, trouble };
}

// The facts of every session box, measured in the page.
function measure() {
  const out = [];
  let day = null, room = null;
  for (const el of document.querySelectorAll("main h2, main h3.room, main article.s")) {
    if (el.tagName === "H2") { day = el.textContent; room = null; continue; }
    if (el.tagName === "H3") { room = el.classList.contains("spanning") ? null : el.textContent; continue; }
    const r = el.getBoundingClientRect();
    const times = el.querySelectorAll(".when time");
    const inside = (sel) => {
      const x = el.querySelector(sel);
      if (!x) return null;
      const q = x.getBoundingClientRect();
      const style = getComputedStyle(x);
      return {
        text: x.textContent,
        shown: q.width > 0 && q.height > 0 && style.visibility !== "hidden" && style.display !== "none" &&
          q.left >= r.left - 1 && q.right <= r.right + 1 && q.top >= r.top - 1 && q.bottom <= r.bottom + 1,
        px: parseFloat(style.fontSize),
      };
    };
    out.push({
      uid: el.dataset.uid || "", id: el.id, day, room,
      title: el.querySelector("h4").textContent,
      start: times[0] ? times[0].getAttribute("datetime") : "",
      end: times[1] ? times[1].getAttribute("datetime") : "",
      x0: r.left + scrollX, x1: r.right + scrollX, y0: r.top + scrollY, y1: r.bottom + scrollY,
      width: r.width, height: r.height,
      clipped: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
      when: inside(".when"), title4: inside("h4"), who: inside(".who"), where: inside(".where"),
    });
  }
  return out;
}

// A page's boxes must sit as the times say: in one room no two overlap and
// a later start is lower; at the same start they are level; sessions of
// different rooms that run at the same time are side by side.
function layout(name, boxes) {
  const epoch = (s) => Date.parse(s);
  let pairs = 0, parallel = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.day !== b.day) continue;
      const overlapX = a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5;
      const overlapY = a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;
      const sa = epoch(a.start), sb = epoch(b.start);
      if (a.room !== null && a.room === b.room) {
        pairs++;
        check(!(overlapX && overlapY), `${name}: "${a.title}" and "${b.title}" overlap in room ${a.room}`);
        if (sa < sb) check(a.y0 < b.y0, `${name}: "${a.title}" starts before "${b.title}" but is not above it`);
        if (sb < sa) check(b.y0 < a.y0, `${name}: "${b.title}" starts before "${a.title}" but is not above it`);
      } else {
        // Different rooms (or a break across the rooms): never on top of
        // each other; running together: side by side.
        check(!(overlapX && overlapY), `${name}: "${a.title}" and "${b.title}" overlap`);
        if (a.room !== null && b.room !== null && sa < epoch(b.end) && sb < epoch(a.end)) {
          parallel++;
          check(!overlapX && overlapY, `${name}: "${a.title}" and "${b.title}" run in parallel but are not side by side`);
        }
      }
      if (sa === sb) check(Math.abs(a.y0 - b.y0) < 1.5, `${name}: "${a.title}" and "${b.title}" start together but not level`);
    }
  }
  return { pairs, parallel };
}

// What a feed says: UID → {summary, start} (unfolded, unescaped enough).
function feedEvents(text) {
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  const events = new Map();
  let cur = null;
  for (const l of lines) {
    if (l === "BEGIN:VEVENT") cur = {};
    else if (l === "END:VEVENT") { events.set(cur.UID, cur); cur = null; }
    else if (cur) {
      const m = /^([A-Z-]+)[^:]*:(.*)$/.exec(l);
      if (m && !(m[1] in cur)) cur[m[1]] = m[2];
    }
  }
  return events;
}

const norm = (s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, "").replace(/\s+/g, " ").trim();

async function testPage(name) {
  const file = path.join(work, name + ".html");
  const sessions = JSON.parse(fs.readFileSync(path.join(work, name + ".json"), "utf8")).sessions;
  const feedText = fs.readFileSync(path.join(work, name + ".ics"), "utf8");
  const feed = feedEvents(feedText);
  const before = failures.length;

  // -- JavaScript on, 1440 px --
  let { page, trouble } = await open(browser, file, 1440);
  let boxes = await page.evaluate(measure);
  check(boxes.length === sessions.length, `${name}: ${boxes.length} session boxes, want ${sessions.length}`);
  const uids = boxes.map((b) => b.uid);
  check(new Set(uids).size === uids.length, `${name}: a UID is on two boxes`);
  check(uids.length === feed.size && uids.every((u) => feed.has(u)), `${name}: the boxes' UIDs are not the feed's`);
  const want = sessions.map((s) => norm(s.title) || s.id).sort();
  const got = boxes.map((b) => b.title).sort();
  check(JSON.stringify(want) === JSON.stringify(got), `${name}: titles differ from export json: ${JSON.stringify(got.filter((t, i) => t !== want[i]).slice(0, 3))}`);
  const { pairs, parallel } = layout(name + " 1440px", boxes);
  check(await page.evaluate(() => document.querySelectorAll("header, main, footer, nav").length >= 3), `${name}: landmarks missing`);
  check(await page.evaluate(() => [...document.querySelectorAll("article.s")].every((a) => a.querySelector("h4") && a.querySelectorAll("time[datetime]").length === 2)),
    `${name}: a session without its heading or its two <time> elements`);

  // Accessibility: axe-core's WCAG 2.1 A and AA rules (contrast included).
  await page.addScriptTag({ content: axeSource });
  const axe = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help}; ${v.nodes[0].target.join(" ")}`);
  });
  check(axe.length === 0, `${name}: axe-core: ${axe.join(" | ")}`);
  log(`${name}: ${boxes.length} session boxes for ${sessions.length} sessions; ${pairs} same-room pairs and ${parallel} parallel pairs checked at 1440 px (${failures.length - before} failures so far); axe-core: ${axe.length} violations`);

  // Favourites: star two sessions, download, check the file.
  const chosen = pickTwo(name, boxes);
  for (const uid of chosen) await page.click(`article[data-uid="${uid}"] button.star`);
  check(await page.textContent("#fav-count") === "2 sessions starred", `${name}: the count does not say 2 starred`);
  await page.reload({ waitUntil: "load" });
  const pressed = await page.$$eval('button.star[aria-pressed="true"]', (bs) => bs.map((b) => b.dataset.uid));
  check(JSON.stringify(pressed.sort()) === JSON.stringify([...chosen].sort()), `${name}: stars not kept across a reload: ${pressed}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#fav-download")]);
  const ics = path.join(work, name + "-starred.ics");
  await download.saveAs(ics);
  const starred = feedEvents(fs.readFileSync(ics, "utf8"));
  check(starred.size === 2 && chosen.every((u) => starred.has(u)), `${name}: the download has ${[...starred.keys()]}, want ${chosen}`);
  for (const u of chosen) {
    const a = starred.get(u), b = feed.get(u);
    check(a && b && a.SUMMARY === b.SUMMARY && a.LOCATION === b.LOCATION, `${name}: ${u} differs from the feed's event`);
  }
  // check-ics: strict RFC 5545, six parsers, and the cross-file check that
  // a UID means the same event (start, end, summary, location, status) in
  // the download and the feed.
  try {
    execFileSync(checkICS, ["--deps", deps, "--require-parsers", "-W", "-q", ics, path.join(work, name + ".ics")], { stdio: "inherit" });
    log(`${name}: starred download ${path.basename(ics)}: 2 events, the feed's UIDs, check-ics passed with the feed`);
  } catch (e) {
    check(false, `${name}: check-ics rejected ${ics} (or the feed beside it)`);
  }
  check(trouble.length === 0, `${name} (JS on): ${trouble.join("; ")}`);
  if (name === "qcon") await page.screenshot({ path: path.join(shots, "qcon-1440.png"), fullPage: true });
  if (name === "fosdem") await page.screenshot({ path: path.join(shots, "fosdem-1440.png") });
  if (name === "xss") await page.screenshot({ path: path.join(shots, "xss-1440.png"), fullPage: true });

  // Print: a day a page, no buttons.
  await page.emulateMedia({ media: "print" });
  const print = await page.evaluate(() => ({
    stars: [...document.querySelectorAll("button")].filter((b) => b.getBoundingClientRect().height > 0).length,
    breaks: [...document.querySelectorAll("section.day")].slice(1).every((d) => getComputedStyle(d).breakBefore === "page"),
  }));
  check(print.stars === 0 && print.breaks, `${name}: print: ${print.stars} buttons shown, day page breaks ${print.breaks}`);
  await page.close();

  // -- JavaScript on, 390 px: every session visible, nothing sideways --
  ({ page, trouble } = await open(browser, file, 390));
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(sideways <= 0, `${name} 390px: the page scrolls sideways by ${sideways} px`);
  boxes = await page.evaluate(measure);
  const unreadable = boxes.filter((b) => b.width < 200 || b.x0 < 0 || b.x1 > 390 || b.clipped || !b.when.shown || !b.title4.shown ||
    Math.min(b.when.px, b.title4.px, b.where.px) < 12);
  check(unreadable.length === 0, `${name} 390px: ${unreadable.length} sessions not fully visible or too small, such as "${unreadable[0]?.title}"`);
  if (name === "qcon") await page.screenshot({ path: path.join(shots, "qcon-390.png"), fullPage: true });
  if (name === "xss") await page.screenshot({ path: path.join(shots, "xss-390.png"), fullPage: true });
  check(trouble.length === 0, `${name} (390px): ${trouble.join("; ")}`);
  log(`${name}: 390 px: ${boxes.length - unreadable.length} of ${boxes.length} sessions within the width and unclipped, page sideways scroll ${Math.max(sideways, 0)} px`);
  await page.close();

  // -- JavaScript off: time, room and speakers of every session visible --
  const beforeNoJS = failures.length;
  for (const width of [1440, 390]) {
    ({ page, trouble } = await open(noJS, file, width));
    boxes = await page.evaluate(measure);
    const byID = new Map(sessions.map((s) => [s.id, s]));
    const missing = boxes.filter((b) => {
      const s = byID.get(b.id.replace(/^s-/, "")) || sessions.find((x) => norm(x.title) === b.title);
      return !b.when.shown || !b.title4.shown || !b.where.shown ||
        (s && s.room && !b.where.text.includes(norm(s.room))) ||
        (s && s.speakers.some((p) => norm(p.name)) && !(b.who && b.who.shown));
    });
    check(boxes.length === sessions.length && missing.length === 0,
      `${name} without JS at ${width}px: ${missing.length} sessions lack a visible time, room or speakers, such as "${missing[0]?.title}"`);
    const hidden = await page.evaluate(() => [...document.querySelectorAll("button")].every((b) => b.getBoundingClientRect().height === 0));
    check(hidden, `${name} without JS: a button that would do nothing is shown`);
    check(trouble.length === 0, `${name} (no JS, ${width}px): ${trouble.join("; ")}`);
    await page.close();
  }
  if (failures.length === beforeNoJS) log(`${name}: without JavaScript at 1440 and 390 px every session shows its time, room and speakers; no star or download button shown`);

  if (name === "xss") await xss(file);
  log(`${name}: ${failures.length === before ? "passed" : "FAILED"}`);
}

// Two sessions to star: in different rooms where there are several.
function pickTwo(name, boxes) {
  const withUID = boxes.filter((b) => b.uid);
  if (name === "xss") {
    // The hostile texts: the longest description (folding) and the title
    // that became a line break in the feed.
    return [withUID.find((b) => b.id === "s-script-title").uid, withUID.find((b) => b.id === "s-parallel").uid];
  }
  const first = withUID[0];
  const other = withUID.find((b) => b.room !== first.room && b.day !== first.day) || withUID[Math.min(2, withUID.length - 1)];
  return [first.uid, other.uid];
}

// The XSS fixture: nothing the schedule holds became markup.
async function xss(file) {
  const { page, trouble } = await open(browser, file, 1440);
  const found = await page.evaluate(() => {
    const bad = [];
    for (const el of document.querySelectorAll("*")) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(`${el.tagName} ${a.name}`);
        if (/^(href|src)$/i.test(a.name) && /^\s*(javascript|data):/i.test(a.value)) bad.push(`${el.tagName} ${a.name}=${a.value}`);
      }
    }
    for (const sel of ["img", "svg", "iframe", "object", "embed", "b", "i", "body style", "head script", "a[href^='javascript']"]) {
      if (document.querySelector(sel)) bad.push("element " + sel);
    }
    if (document.querySelectorAll("script").length !== 2) bad.push(document.querySelectorAll("script").length + " scripts");
    if (document.querySelectorAll("style").length !== 1) bad.push(document.querySelectorAll("style").length + " style elements");
    if (!document.querySelector("h1").textContent.includes("<script>alert('conf')</script>")) bad.push("the conference name is not shown as text");
    if (![...document.querySelectorAll("h4")].some((h) => h.textContent === "\"><img src=x onerror=alert(1)>")) bad.push("the img title is not shown as text");
    return bad;
  });
  check(found.length === 0, `xss: injected: ${found.join(", ")}`);
  // Open every details element: its contents must not run either.
  await page.$$eval("details", (ds) => ds.forEach((d) => { d.open = true; }));
  await page.waitForTimeout(200);
  check(trouble.length === 0, `xss: ${trouble.join("; ")}`);
  if (found.length === 0 && trouble.length === 0) log("xss: no dialog, no request, no event handler, no injected element; the payloads show as text");
  await page.close();
}

// How long the FOSDEM page takes: navigation start to first contentful
// paint and to the load event, three runs at each width, the median.
async function timing() {
  const file = path.join(work, "fosdem.html");
  const size = fs.statSync(file).size;
  for (const width of [1440, 390]) {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const { page } = await open(browser, file, width);
      runs.push(await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0];
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        return { fcp: fcp ? fcp.startTime : NaN, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
      }));
      await page.close();
    }
    const med = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[1].toFixed(0);
    log(`FOSDEM 2025 (${(size / 1e6).toFixed(1)} MB) at ${width} px, median of 3: first contentful paint ${med("fcp")} ms, DOMContentLoaded ${med("dcl")} ms, load ${med("load")} ms`);
  }
}

try {
  for (const name of ["qcon", "xss", "fosdem"]) await testPage(name);
  await timing();
} finally {
  await browser.close();
  await noJS.close();
  fs.rmSync(userData, { recursive: true, force: true });
  fs.rmSync(userDataNoJS, { recursive: true, force: true });
}
log(`screenshots in ${shots}`);
if (failures.length) {
  for (const f of failures.slice(0, 60)) console.log("FAIL " + f);
  if (failures.length > 60) console.log(`... and ${failures.length - 60} more`);
  process.exit(1);
}
log("all checks passed");
