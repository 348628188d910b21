// The print-size arithmetic is pure, so it lives in shared/ where the form's Print section uses it too.
export * from '../../../shared/print/physicalSize';
