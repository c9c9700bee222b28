import { useState } from 'react';
import type { LocationDraft } from './draft-values';
import { fieldId, type LocationPart } from './field-ids';
import { FieldsetField } from './fieldset-field';
import type { QuestionProps } from './question-props';

type Locating = 'idle' | 'busy' | 'done' | 'failed';

/**
 * A place as latitude, longitude and a description. Typing works everywhere; where the browser
 * offers it, 「現在地を入力する」 fills the numbers in (the resident is asked for permission).
 */
export function LocationQuestion({ text, path, label, hint, value, error, onChange }: QuestionProps<LocationDraft>) {
  const t = text.portal.form.location;
  const [locating, setLocating] = useState<Locating>('idle');
  const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;
  const set = (part: LocationPart, typed: string) => onChange({ ...value, [part]: typed });

  const locate = () => {
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        // Six decimals are about 10 cm: more than a phone's accuracy, enough for any report.
        onChange({
          ...value,
          latitude: position.coords.latitude.toFixed(6),
          longitude: position.coords.longitude.toFixed(6),
        });
        setLocating('done');
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const box = (part: LocationPart, numeric: boolean) => (
    <div className="location__part">
      <label className="form-field__label location__label" htmlFor={fieldId(`${path}.${part}`)}>
        {t[part]}
      </label>
      <input
        id={fieldId(`${path}.${part}`)}
        className={`form-field__input form-field__input--${numeric ? 'medium' : 'long'}`}
        type="text"
        inputMode={numeric ? 'decimal' : undefined}
        spellCheck={numeric ? false : undefined}
        aria-invalid={Boolean(error)}
        value={value[part]}
        onChange={(event) => set(part, event.target.value)}
      />
    </div>
  );

  return (
    <FieldsetField
      id={fieldId(`${path}.latitude`)}
      legend={label}
      hint={hint}
      error={error}
      errorPrefix={text.errorPrefix}
    >
      {canLocate && (
        <div className="location__locate">
          <button type="button" className="button" onClick={locate} aria-disabled={locating === 'busy'}>
            {t.useMyLocation}
          </button>
          <p className="location__status" role="status">
            {{ idle: '', busy: t.locating, done: t.located, failed: t.locateFailed }[locating]}
          </p>
        </div>
      )}
      <p className="form-field__hint">{t.typeHint}</p>
      {box('latitude', true)}
      {box('longitude', true)}
      {box('description', false)}
    </FieldsetField>
  );
}
