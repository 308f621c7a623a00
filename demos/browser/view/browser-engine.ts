// Names the browser and its JavaScript engine from the user agent string.

export interface BrowserEngine {
  browser: string
  engine: 'V8' | 'SpiderMonkey' | 'JavaScriptCore' | 'unknown'
}

export function browserEngine(userAgent: string): BrowserEngine {
  const version = (re: RegExp) => re.exec(userAgent)?.[1]
  const firefox = version(/Firefox\/([\d.]+)/)
  if (firefox)
    return { browser: `Firefox ${firefox}`, engine: 'SpiderMonkey' }
  const edge = version(/Edg\/([\d.]+)/)
  if (edge)
    return { browser: `Edge ${edge}`, engine: 'V8' }
  const chrome = version(/(?:HeadlessChrome|Chrome|Chromium)\/([\d.]+)/)
  if (chrome)
    return { browser: `${/Chromium|HeadlessChrome/.test(userAgent) ? 'Chromium' : 'Chrome'} ${chrome}`, engine: 'V8' }
  const safari = version(/Version\/([\d.]+)\s.*Safari/)
  if (safari || /AppleWebKit/.test(userAgent))
    return { browser: safari ? `Safari ${safari}` : 'WebKit', engine: 'JavaScriptCore' }
  return { browser: 'this browser', engine: 'unknown' }
}
