// The last line of defence (UI layer): if a component throws while rendering, show what went
// wrong and a way to start again, instead of a blank page in front of a class.
import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';
import type { Translate } from './i18n/types';

interface Props {
  readonly t: Translate;
  readonly children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Raft Lab could not draw the page', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { t } = this.props;
    return (
      <div className="rl-crash-page" role="alert">
        <h1>{t('app.broken.title')}</h1>
        <p>{t('app.broken.body')}</p>
        <pre>{error.message}</pre>
        <button type="button" className="rl-button" onClick={() => window.location.reload()}>
          {t('app.broken.reload')}
        </button>
      </div>
    );
  }
}
