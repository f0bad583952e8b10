/*
 * The portal's icons, in one place: vite.config.ts puts this module and the icons it imports into one chunk, so
 * the portal fetches its icons as one small file, not one request (headers and all) per icon shared with the staff app.
 * These are the home page's and the frame's (the first load); the other pages' are in page-icons.ts.
 */
export {
  BookOpen,
  Check,
  ChevronRight,
  CircleAlert,
  CircleCheck,
  ClipboardList,
  Copy,
  Droplets,
  Info,
  MessageSquareText,
  Phone,
  Scale,
  Search,
  TriangleAlert,
} from 'lucide-react';
