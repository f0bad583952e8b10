/*
 * The portal's icons, in one place: vite.config.ts puts this module and the icons it imports into one chunk, so
 * the portal fetches its icons as one small file, not one request (headers and all) per icon shared with the staff app.
 */
export {
  BadgeCheck,
  BookOpen,
  CalendarClock,
  Check,
  ChevronDown,
  ChevronRight,
  CircleAlert,
  CircleCheck,
  CircleDashed,
  ClipboardList,
  Clock,
  Copy,
  Droplets,
  Info,
  MapPin,
  MessageCircle,
  MessageSquareText,
  MessageSquareWarning,
  Phone,
  Plus,
  Scale,
  Search,
  Star,
  Trash2,
  TriangleAlert,
  Upload,
} from 'lucide-react';
