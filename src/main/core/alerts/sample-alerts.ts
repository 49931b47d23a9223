// The samples are shared with the console, whose alert box preview shows the same test alerts.
export {
  buildSampleAlert,
  fitSampleTo,
  isTestAlert,
  TEST_ALERT_PREFIX,
} from '../../../shared/alert-box/samples';
