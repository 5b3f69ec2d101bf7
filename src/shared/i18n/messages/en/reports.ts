/** The reports area's words in English (ICU MessageFormat; the zh-CN file mirrors every key). */
export const reports = {};
