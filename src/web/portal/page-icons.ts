/*
 * Icons only the other pages use (not the home page or the frame): vite.config.ts puts them in a second chunk, so
 * the first load of /portal does not carry them (issue 16). The first-load icons are in icons.ts.
 */
export {
  BadgeCheck,
  CalendarClock,
  ChevronDown,
  CircleDashed,
  Clock,
  MapPin,
  MessageCircle,
  MessageSquareWarning,
  Plus,
  Star,
  Trash2,
  Upload,
} from 'lucide-react';
