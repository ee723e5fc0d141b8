// 随机抽查: Camunda Forms (form-js) write a few words of their own in English — the "Select" placeholder, the
// validation messages, the date picker's month and weekday names, and dates as the browser's locale writes them
// (M/D/YYYY in an English browser). Tasklist loads this module (config.js → customScripts); it puts those words into
// Chinese as forms appear, and has every date picker read and write YYYY-MM-DD.

// form-js asks Intl for the browser's default date pattern, once, without options; that one question is answered
// with YYYY-MM-DD. Every other use of Intl is left alone.
const NativeDateTimeFormat = Intl.DateTimeFormat;
function BureauDateTimeFormat(locales, options) {
  const isDefaultPattern = (locales === undefined || locales === 'default') && options === undefined;
  return new NativeDateTimeFormat(isDefaultPattern ? 'en-CA' : locales, options);
}
BureauDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
BureauDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf;
Intl.DateTimeFormat = BureauDateTimeFormat;

const MESSAGES = [
  [/^Select$/, () => '请选择'],
  [/^Search$/, () => '搜索'],
  [/^Field is required\.$/, () => '此项必填。'],
  [/^Field must have minimum length of (\d+)\.$/, (n) => `至少填写 ${n} 个字。`],
  [/^Field must have maximum length of (\d+)\.$/, (n) => `最多填写 ${n} 个字。`],
  [/^Field must have minimum value of (.+)\.$/, (n) => `不能小于 ${n}。`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `不能大于 ${n}。`],
  [/^Field must match pattern .*\.$/, () => '格式不正确。'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱。'],
  [/^Field must be a valid +international phone number\..*$/, () => '请填写有效的电话号码。'],
  [/^mm\/dd\/yyyy$/, () => 'yyyy-mm-dd']
];

const CALENDAR = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换',
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  time_24hr: true,
  ordinal: () => ''
};

function translate(text) {
  const trimmed = text.trim();
  for (const [pattern, chinese] of MESSAGES) {
    const match = trimmed.match(pattern);
    if (match) {
      return chinese(...match.slice(1));
    }
  }
  return null;
}

function translateWithin(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && node.parentElement.closest('.fjs-container')) {
      const chinese = translate(node.data);
      if (chinese !== null) {
        node.data = chinese;
      }
    }
  }
  root.querySelectorAll('.fjs-container input[placeholder]').forEach((input) => {
    const chinese = translate(input.getAttribute('placeholder'));
    if (chinese !== null) {
      input.setAttribute('placeholder', chinese);
    }
  });
  root.querySelectorAll('.fjs-container input').forEach((input) => {
    const picker = input._flatpickr;
    if (picker && !picker.__inChinese) {
      picker.__inChinese = true;
      picker.set('locale', CALENDAR);
    }
  });
}

let queued = false;
new MutationObserver(() => {
  if (!queued) {
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      translateWithin(document.body);
    });
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder']});

export default [];
