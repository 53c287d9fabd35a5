import type { ReactNode, SVGProps } from "react";

// Drawn like components/shell/icons.tsx (24px stroke, lucide-style); only the journey editor uses them.
const icon = (paths: ReactNode) =>
  function NodeIcon(props: SVGProps<SVGSVGElement>) {
    return (
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" {...props}>
        {paths}
      </svg>
    );
  };

export type NodeIconComponent = ReturnType<typeof icon>;

export const ListJoinIcon = icon(
  <>
    <path d="M8 6h13M8 12h13M8 18h7" />
    <path d="M3 6h.01M3 12h.01M19 16v6M16 19h6" />
  </>,
);
export const SegmentIcon = icon(<path d="M22 3H2l8 9.46V19l4 2v-8.54L22 3z" />);
export const EventIcon = icon(<path d="M13 2 3 14h9l-1 8 10-12h-9l1-8z" />);
export const CalendarIcon = icon(
  <>
    <rect x="3" y="4" width="18" height="18" rx="2" />
    <path d="M16 2v4M8 2v4M3 10h18" />
  </>,
);
export const ApiIcon = icon(<path d="m16 18 6-6-6-6M8 6l-6 6 6 6" />);
export const MailIcon = icon(
  <>
    <rect x="2" y="4" width="20" height="16" rx="2" />
    <path d="m22 7-10 6L2 7" />
  </>,
);
export const SmsIcon = icon(<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />);
export const WebhookIcon = icon(
  <>
    <path d="M18 16.98h-5.99c-1.1 0-1.95.94-2.48 1.9A4 4 0 0 1 2 17c.01-.7.2-1.4.57-2" />
    <path d="m6 17 3.13-5.78c.53-.97.1-2.18-.5-3.1a4 4 0 1 1 6.89-4.06" />
    <path d="m12 6 3.13 5.73C15.66 12.7 16.9 13 18 13a4 4 0 0 1 0 8" />
  </>,
);
export const AttributeIcon = icon(
  <>
    <path d="M12 20h9" />
    <path d="M16.5 3.5a2.12 2.12 0 0 1 3 3L7 19l-4 1 1-4Z" />
  </>,
);
export const ListAddIcon = icon(
  <>
    <path d="M11 12H3M16 6H3M16 18H3" />
    <path d="M18 9v6M21 12h-6" />
  </>,
);
export const ListRemoveIcon = icon(
  <>
    <path d="M11 12H3M16 6H3M16 18H3" />
    <path d="M21 12h-6" />
  </>,
);
export const ClockIcon = icon(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </>,
);
export const SunriseIcon = icon(
  <>
    <path d="M12 2v8M4.93 10.93l1.41 1.41M2 18h2M20 18h2M19.07 10.93l-1.41 1.41M22 22H2M8 6l4-4 4 4M16 18a4 4 0 0 0-8 0" />
  </>,
);
export const HourglassIcon = icon(<path d="M5 22h14M5 2h14M17 22v-4.17a2 2 0 0 0-.59-1.42L12 12l-4.41 4.41A2 2 0 0 0 7 17.83V22M7 2v4.17a2 2 0 0 0 .59 1.42L12 12l4.41-4.41A2 2 0 0 0 17 6.17V2" />);
export const BranchIcon = icon(
  <>
    <circle cx="6" cy="6" r="3" />
    <circle cx="18" cy="18" r="3" />
    <circle cx="6" cy="18" r="3" />
    <path d="M6 9v6M18 15V9a3 3 0 0 0-3-3H9" />
  </>,
);
export const SplitIcon = icon(<path d="M16 3h5v5M8 3H3v5M12 22v-8.3a4 4 0 0 0-1.17-2.83L3 3M21 3l-7.83 7.83" />);
export const ExitIcon = icon(
  <>
    <path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9" />
  </>,
);
export const AlertIcon = icon(
  <>
    <path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
    <path d="M12 9v4M12 17h.01" />
  </>,
);
export const UndoIcon = icon(<path d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />);
export const RedoIcon = icon(<path d="m15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />);
export const LayoutIcon = icon(
  <>
    <rect x="9" y="2" width="6" height="5" rx="1" />
    <rect x="3" y="17" width="6" height="5" rx="1" />
    <rect x="15" y="17" width="6" height="5" rx="1" />
    <path d="M12 7v5M6 17v-3a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v3" />
  </>,
);
