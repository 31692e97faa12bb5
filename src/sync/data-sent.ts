/**
 * What a team server receives, in the words of Firefox's built-in data consent: people's names,
 * addresses and profile links (personallyIdentifyingInfo), logged emails' subjects and what was
 * selected of them (personalCommunications), and text clipped from pages with its link
 * (websiteContent). Nothing is sent without a team, so the manifest lists these as optional
 * (wxt.config.ts) and joining a team asks for them (sync/client/consent.ts). PRIVACY.md says the
 * same in words.
 */
export const DATA_SENT_TO_TEAM = ['personallyIdentifyingInfo', 'personalCommunications', 'websiteContent'] as const;
