import type { PropsWithChildren } from 'react';
import { listenForPrivacyRequests } from './state/privacy';
import './app.css';

listenForPrivacyRequests();

export default function App({ children }: PropsWithChildren) {
  return children;
}
