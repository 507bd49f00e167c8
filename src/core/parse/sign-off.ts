// Sign-off lines ("- [ ] Security Lead: ________ Date: ____") are decided by people.

const BLANK_TO_FILL = /_{3,}/;
const SIGN_OFF_SECTION = /\b(sign[\s-]?offs?|approvals?|signatures?)\b/i;

export function isSignOff(text: string, section: readonly string[]): boolean {
  return BLANK_TO_FILL.test(text) || section.some((heading) => SIGN_OFF_SECTION.test(heading));
}
