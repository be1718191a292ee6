/* Working Together: working-day deadline calculators on decision-tree outcomes.
 *
 * Each outcome with a time limit in working days carries a .wt-deadline block: the rule in words (all a
 * reader without JavaScript gets), day, month and year fields and a live result. The count runs here, over the bank
 * holidays in England that bank-holidays.js (written at build time) puts in window.wtBankHolidays.
 * Nothing is sent anywhere. One listener on the document serves every calculator, including the copies the
 * navigator makes of an outcome.
 *
 * Convention: day 1 is the first working day after the start date (the start date itself never counts),
 * and a working day is any Monday to Friday that is not a bank holiday in England.
 */
(function () {
  "use strict";

  var data = window.wtBankHolidays;
  var DAY = 24 * 60 * 60 * 1000;

  /* Dates are handled as UTC midnights, so daylight saving never shifts a day. Null unless a real date. */
  function dateFrom(day, month, year) {
    if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null;
    var date = new Date(Date.UTC(+year, +month - 1, +day));
    return date.getUTCDate() === +day && date.getUTCMonth() === +month - 1 ? date : null;
  }

  function iso(date) {
    return date.toISOString().slice(0, 10);
  }

  var WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

  /* "Thursday 29 February 2024", the same in every browser whatever its language. */
  function spoken(date) {
    return WEEKDAYS[date.getUTCDay()] + " " + date.getUTCDate() + " " + MONTHS[date.getUTCMonth()] + " " +
      date.getUTCFullYear();
  }

  /* The date `days` working days after `start`, and the bank holidays passed on the way. */
  function addWorkingDays(start, days) {
    var date = start;
    var skipped = [];
    var counted = 0;
    while (counted < days) {
      date = new Date(date.getTime() + DAY);
      var weekday = date.getUTCDay();
      var holiday = data.holidays[iso(date)];
      if (holiday && weekday !== 0 && weekday !== 6) skipped.push(holiday + " (" + spoken(date) + ")");
      if (!holiday && weekday !== 0 && weekday !== 6) counted += 1;
    }
    return { due: date, skipped: skipped };
  }

  function field(calculator, part) {
    return calculator.querySelector(".wt-deadline__" + part).value.trim();
  }

  function result(calculator) {
    var days = Number(calculator.getAttribute("data-working-days"));
    var day = field(calculator, "day");
    var month = field(calculator, "month");
    var year = field(calculator, "year");
    // Say nothing while the reader is still typing: only once the year has four digits.
    if (!/^\d{4}$/.test(year)) return "";
    var start = dateFrom(day, month, year);
    if (!start) return "Enter a real date: day, month and year in figures, for example 28 2 2024.";
    if (!data) return "The list of bank holidays did not load, so the date cannot be worked out.";
    // The last year needs room for the count to run into the next one.
    if (start.getUTCFullYear() < data.first || start.getUTCFullYear() >= data.last) {
      return "Dates can be counted from 1 January " + data.first + " to 31 December " + (data.last - 1) +
        ": this page only knows the bank holidays from " + data.first + " to " + data.last + ".";
    }
    var found = addWorkingDays(start, days);
    var text = "Due by " + spoken(found.due) + ": " + days + " working day" + (days === 1 ? "" : "s") +
      " after " + spoken(start) + ".";
    if (found.skipped.length) text += " Bank holidays not counted: " + found.skipped.join("; ") + ".";
    return text;
  }

  /* The field at fault once the year is typed and the date does not exist: the month if it is no month, else the
     day. Marked aria-invalid, so a screen reader going back to the field hears so, not only the message. */
  function markInvalid(calculator, text) {
    var wrong = "";
    if (/^Enter a real date/.test(text)) wrong = /^(0?[1-9]|1[0-2])$/.test(field(calculator, "month")) ? "day" : "month";
    ["day", "month", "year"].forEach(function (part) {
      var input = calculator.querySelector(".wt-deadline__" + part);
      if (part === wrong) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  }

  function update(event) {
    var input = event.target;
    var calculator = input.closest && input.closest(".wt-deadline");
    var output = calculator && calculator.querySelector(".wt-deadline__result");
    if (!output || input.tagName !== "INPUT") return;
    var text = result(calculator);
    markInvalid(calculator, text);
    // A live region speaks on change: set the text only when it differs, so one answer is read once.
    if (output.textContent !== text) output.textContent = text;
  }

  document.addEventListener("input", update);
  // The form is shown only where this script runs; without it the rule in words stands alone.
  document.documentElement.classList.add("wt-deadlines-ready");
})();
