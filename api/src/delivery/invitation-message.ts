// Interim wording: the delivery worker's branch brings the message catalogs (da, en, ar, uk).
export function composeInvitation(args: {
  language: string;
  link: string;
  departmentName: string;
  expiresAt: Date;
}): { subject: string; text: string } {
  return {
    subject: `${args.departmentName}: svar på et par spørgsmål`,
    text: `${args.departmentName} beder dig svare her:\n${args.link}\n`,
  };
}
export const composeInvitationReminder = composeInvitation;
